/** What the stock project's global setup provides to tests: a Upstash REST endpoint over a real redis-server, or why there is none. */
export type UpstashContext = { url: string; token: string } | { missing: string };

declare module "vitest" {
  export interface ProvidedContext {
    upstash: UpstashContext;
  }
}
