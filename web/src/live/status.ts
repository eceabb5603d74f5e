/**
 * Which live streams are up, for the "not live" indicator: each open subscription reports
 * its state under its operation's key and its topic (the subscription field it asks for).
 */
import { useSyncExternalStore } from "react";
import type { DocumentNode } from "graphql";
import type { LiveState } from "./stream";

const streams = new Map<number, { topic: string; state: LiveState }>();
const listeners = new Set<() => void>();

/** The subscription field a document asks for: "quotes", "orderUpdates". */
export function topicOf(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== "OperationDefinition") continue;
    const field = definition.selectionSet.selections.find((selection) => selection.kind === "Field");
    if (field) return field.name.value;
  }
  return "";
}

/** A stream's new state; undefined once it is closed. */
export function reportLiveState(key: number, topic: string, state: LiveState | undefined): void {
  if (state === undefined) streams.delete(key);
  else streams.set(key, { topic, state });
  for (const listener of listeners) listener();
}

/** What is wrong with the topic's streams: stopped (given up) before down (reconnecting); undefined when all are fine. */
export function liveTrouble(topic: string): "down" | "stopped" | undefined {
  let trouble: "down" | "stopped" | undefined;
  for (const stream of streams.values()) {
    if (stream.topic !== topic) continue;
    if (stream.state === "stopped") return "stopped";
    if (stream.state === "down") trouble = "down";
  }
  return trouble;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useLiveTrouble(topic: string): "down" | "stopped" | undefined {
  return useSyncExternalStore(subscribe, () => liveTrouble(topic));
}
