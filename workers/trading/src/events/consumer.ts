/**
 * The events queue's consumer (trading.md "Events"): each message applied to the read model
 * on its own and acked on its own, so one failing message is retried alone, with
 * exponential back-off, and its batch's good ones stay applied. What fails `max_retries`
 * times goes to the dead-letter queue (wrangler.toml), whose consumer keeps it in D1.
 */
import { keepDeadLetters } from "./dead-letters";
import { forgetFailure, noteFailure, type ConsumerDeps } from "./failures";
import { applyEvent, parseEvent } from "./read-model";
import { retryDelaySeconds } from "./settings";

export const DEAD_LETTER_QUEUE = "fafnir-trading-events-dlq";

export async function consumeEvents(batch: MessageBatch<unknown>, deps: ConsumerDeps): Promise<void> {
  if (batch.queue === DEAD_LETTER_QUEUE) return keepDeadLetters(batch, deps);
  for (const message of batch.messages) await consumeOne(message, deps);
}

async function consumeOne(message: Message<unknown>, deps: ConsumerDeps): Promise<void> {
  try {
    await applyEvent(deps.db, parseEvent(message.body), deps.now().toISOString());
    message.ack();
    if (message.attempts > 1) await forgetFailure(deps, message).catch((error: unknown) => deps.log.warn("event failure not forgotten", { error }));
  } catch (error) {
    const delaySeconds = retryDelaySeconds(message.attempts, deps.settings);
    deps.log.warn("event failed, retried", { messageId: message.id, attempts: message.attempts, delaySeconds, error });
    await noteFailure(deps, message, error).catch((noted: unknown) => deps.log.error("event failure not recorded", { error: noted }));
    message.retry({ delaySeconds });
  }
}
