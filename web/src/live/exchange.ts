/**
 * Subscriptions in the one GraphQL client: urql's subscriptionExchange, each subscription
 * a live stream (stream.ts) whose state the indicator follows (status.ts). The request
 * goes by hash like every other document (persistedExchange), in the GET's parameters.
 */
import { subscriptionExchange, type Exchange } from "@urql/core";
import { liveUrl, openLiveStream } from "./stream";
import { reportLiveState, topicOf } from "./status";

export function liveExchange(url: string): Exchange {
  return subscriptionExchange({
    forwardSubscription: (request, operation) => ({
      subscribe(observer) {
        const topic = topicOf(operation.query);
        const close = openLiveStream({
          url: liveUrl(url, request),
          onResult: (result) => observer.next(result),
          onState: (state) => reportLiveState(operation.key, topic, state),
        });
        return {
          unsubscribe() {
            close();
            reportLiveState(operation.key, topic, undefined);
          },
        };
      },
    }),
  });
}
