/**
 * When to reconnect a dropped live stream: 1 s doubling to 30 s, each delay drawn between
 * half and all of it, so that the many browsers a gateway redeploy drops at once do not
 * all come back in the same second.
 */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

/** The delay before reconnection `attempt` (0 for the first after a healthy stream). */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
