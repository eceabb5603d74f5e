/** Calling the real gateway as a client would: GraphQL over HTTP and the auth API. */
import type { Platform } from "../../../../scripts/testing/platform.ts";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  requestId: string | null;
}

export async function graphql<T = Record<string, unknown>>(
  platform: Platform,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; requestId?: string } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.requestId) headers["x-request-id"] = options.requestId;
  const response = await platform.fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "requestId">;
  return { ...body, status: response.status, requestId: response.headers.get("x-request-id") };
}

/** The codes of a response's errors, by path ("stock.quote" -> "SERVICE_UNAVAILABLE"). */
export function errorCodes(response: GraphQLResponse<unknown>): Record<string, string | undefined> {
  return Object.fromEntries((response.errors ?? []).map((e) => [(e.path ?? []).join("."), e.extensions?.code]));
}

export interface SignedIn {
  userId: string;
  email: string;
  token: string;
}

let accounts = 0;

/** A new account through the real registration route, signed in. */
/**
 * Posts to the auth API as a well-behaved client: auth answers 503 with Retry-After when an
 * isolate has too many password hashes in flight (many parallel sign-ups), so wait and retry.
 * Each call comes from a /64 of its own, so auth's per-address limit stays out of the way.
 */
async function postToAuth(platform: Platform, path: string, init: { method: string; headers: Record<string, string>; body: string }) {
  for (let attempt = 1; ; attempt++) {
    const address = `2001:db8:${Array.from(crypto.getRandomValues(new Uint16Array(2)), (n) => n.toString(16)).join(":")}::1`;
    const response = await platform.fetch(path, { ...init, headers: { ...init.headers, "cf-connecting-ip": address } });
    const retryAfter = Number(response.headers.get("retry-after"));
    if (response.status !== 503 || !retryAfter || attempt === 30) return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 * Math.random()));
  }
}

export async function signUp(platform: Platform, prefix = "user"): Promise<SignedIn> {
  accounts += 1;
  const email = `${prefix}-${accounts}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const response = await postToAuth(platform, "/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a long unusual passphrase 42", firstName: "Test", lastName: prefix }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string }; accessToken: string };
  return { userId: body.user.id, email, token: body.accessToken };
}

/** Signs in again: a fresh access token carries the account's current roles. */
export async function signIn(platform: Platform, email: string): Promise<string> {
  const response = await postToAuth(platform, "/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a long unusual passphrase 42" }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** An admin: granted through the security service's own RPC, then signed in again. */
export async function signUpAdmin(platform: Platform): Promise<SignedIn> {
  const user = await signUp(platform, "admin");
  const security = await platform.rpc("security");
  const granted = await security.grantRole({ requestId: "test-setup-admin" }, user.userId, "admin");
  if (!granted.ok) throw new Error("could not grant admin");
  return { ...user, token: await signIn(platform, user.email) };
}
