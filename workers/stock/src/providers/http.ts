/** Fetching a provider's JSON: any way it can go wrong becomes a ProviderError. */
import * as v from "valibot";
import { ProviderError } from "./provider";

export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/**
 * GETs `url` within `timeoutMs`, and validates the JSON body against `schema`. Statuses in
 * `acceptedStatuses` (e.g. a 404 that means "unknown symbol") are answers, not failures.
 */
export async function getJson<S extends v.GenericSchema>(
  provider: string,
  url: string,
  schema: S,
  { timeoutMs, acceptedStatuses = [] }: { timeoutMs: number; acceptedStatuses?: number[] },
): Promise<JsonAnswer<v.InferOutput<S>>> {
  let response: Response;
  try {
    response = await fetch(url, {
      // Yahoo refuses requests without a user agent.
      headers: { accept: "application/json", "user-agent": "Mozilla/5.0 (compatible; fafnir-stock/1.0)" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new ProviderError(provider, timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${String(error)}`);
  }
  if (!response.ok && !acceptedStatuses.includes(response.status)) {
    await response.body?.cancel();
    throw new ProviderError(provider, `HTTP ${response.status}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ProviderError(provider, "malformed body: not JSON");
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const at = issue.path?.map((p) => String(p.key)).join(".") ?? "(root)";
    throw new ProviderError(provider, `malformed body at ${at}: ${issue.message}`);
  }
  return { status: response.status, body: parsed.output };
}

/** Runs one call per item and keeps the answers; throws only when every call failed. */
export async function eachOrFail<T, R>(provider: string, items: T[], call: (item: T) => Promise<R>): Promise<R[]> {
  const settled = await Promise.allSettled(items.map(call));
  const answers = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  if (answers.length === 0 && items.length > 0) {
    const first = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    throw first?.reason instanceof ProviderError ? first.reason : new ProviderError(provider, String(first?.reason));
  }
  return answers;
}

/** A positive, finite price: zero or negative prices are a provider failure, not a quote. */
export const Price = v.pipe(v.number(), v.finite(), v.gtValue(0, "must be a positive price"));
export const OptionalNumber = v.nullish(v.pipe(v.number(), v.finite()));
