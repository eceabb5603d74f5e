/** A small client of the auth API for the integration tests (Node side). */
import type { Platform } from "../../../../scripts/testing/platform.ts";

export interface SignedIn {
  user: { id: string; email: string; roles: string[] };
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** An address in a /64 of its own: auth counts an IPv6 client by its /64. */
const randomAddress = () => `2001:db8:${Array.from(crypto.getRandomValues(new Uint16Array(2)), (n) => n.toString(16)).join(":")}::1`;

export const uniqueEmail = (label = "user") => `${label}-${crypto.randomUUID()}@example.com`;
export const PASSWORD = "a perfectly fine passphrase";

export function authClient(platform: Platform) {
  /**
   * Through the gateway, as a client on the internet would call it: each call from its own
   * address unless the test names one, so the per-address limit stays out of the way.
   */
  const call = (path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) =>
    platform.fetch(path, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers: {
        "cf-connecting-ip": randomAddress(),
        ...(init.json === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });

  async function register(email = uniqueEmail(), password = PASSWORD, names = { firstName: "Ada", lastName: "Lovelace" }) {
    const response = await call("/auth/register", { json: { email, password, ...names } });
    return { response, body: (await response.json()) as SignedIn & { error?: { code: string } } };
  }

  async function login(email: string, password = PASSWORD) {
    const response = await call("/auth/login", { json: { email, password } });
    return { response, body: (await response.json()) as SignedIn & { error?: { code: string } } };
  }

  const me = (accessToken: string) => call("/auth/me", { headers: { authorization: `Bearer ${accessToken}` } });

  return { call, register, login, me, randomAddress };
}

/** Set-Cookie lines by cookie name. */
export function cookies(response: { headers: { getSetCookie(): string[] } }): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line]));
}

/** The value of one cookie from a Set-Cookie line. */
export const cookieValue = (line: string | undefined) => line?.slice(line.indexOf("=") + 1).split(";")[0] ?? "";

/** The bits of workerd bindings these tests read from Node (getEnv()). */
export interface KvReader {
  get(key: string): Promise<string | null>;
}
export interface D1Reader {
  prepare(query: string): { bind(...values: unknown[]): { first<T>(): Promise<T | null>; all<T>(): Promise<{ results: T[] }> } };
}
