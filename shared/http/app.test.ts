import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataPoint } from "../metrics";
import { createHttpApp, HttpError, type HttpBindings } from "./app";

beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;

function testApp() {
  const points: DataPoint[] = [];
  const env: HttpBindings = { METRICS: { writeDataPoint: (point) => void points.push(point) } };
  const app = createHttpApp<HttpBindings, { LOG_LEVEL: "info" }>({
    service: "test",
    routes: ["/ok", "/refused", "/reported", "/limited", "/boom", "/deliberate"],
    loadConfig: () => ({ LOG_LEVEL: "info" }),
    internalError: (c) => Response.json({ error: { code: "INTERNAL", requestId: c.get("requestId") } }, { status: 500 }),
  });
  app.get("/ok", (c) => c.text("fine"));
  app.get("/refused", (c) => c.json({ error: { code: "INVALID_CREDENTIALS" } }, 401));
  app.get("/reported", (c) => {
    c.get("observation").outcome = "FORBIDDEN";
    return c.json({ errors: [] }, 200);
  });
  app.get("/limited", (c) => c.json({ errors: [] }, 429));
  app.get("/boom", () => {
    throw new Error("the database is gone");
  });
  app.get("/deliberate", () => {
    throw new HttpError(Response.json({ error: { code: "CONFLICT" } }, { status: 409 }));
  });
  const request = (path: string, headers: Record<string, string> = {}) => app.request(`http://worker.test${path}`, { headers }, env, ctx);
  const seen = () => points.map(({ blobs, doubles }) => ({ kind: blobs[1], operation: blobs[2], outcome: blobs[3], status: doubles[3] }));
  return { request, seen };
}

describe("the HTTP plumbing of a Worker", () => {
  it("answers with the client's well-formed request id, else a fresh one", async () => {
    const { request } = testApp();
    const given = await request("/ok", { "x-request-id": "client-request-0001" });
    expect(given.headers.get("x-request-id")).toBe("client-request-0001");
    const forged = await request("/ok", { "x-request-id": "bad id\n" });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes one data point per request: route or unmatched, and the outcome reported, coded or by status", async () => {
    const { request, seen } = testApp();
    for (const path of ["/ok", "/refused", "/reported", "/limited", "/nowhere"]) await request(path);
    expect(seen()).toEqual([
      { kind: "http", operation: "GET /ok", outcome: "ok", status: 200 },
      { kind: "http", operation: "GET /refused", outcome: "INVALID_CREDENTIALS", status: 401 },
      { kind: "http", operation: "GET /reported", outcome: "FORBIDDEN", status: 200 },
      { kind: "http", operation: "GET /limited", outcome: "RATE_LIMITED", status: 429 },
      { kind: "http", operation: "unmatched", outcome: "HTTP_404", status: 404 },
    ]);
  });

  it("logs one request line with the request id", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await testApp().request("/refused", { "x-request-id": "client-request-0002" });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ service: "test", requestId: "client-request-0002", message: "request", operation: "GET /refused", status: 401 }),
    ]);
  });

  it("answers an unexpected error with the Worker's INTERNAL error, logged and counted", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const { request, seen } = testApp();
    const response = await request("/boom", { "x-request-id": "client-request-0003" });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("client-request-0003");
    expect(await response.json()).toEqual({ error: { code: "INTERNAL", requestId: "client-request-0003" } });
    expect(JSON.parse(errors[0] ?? "{}")).toMatchObject({ message: "unhandled error", requestId: "client-request-0003", error: { message: "the database is gone" } });
    expect(seen()).toEqual([{ kind: "http", operation: "GET /boom", outcome: "INTERNAL", status: 500 }]);
  });

  it("answers a thrown HttpError with its own response, as no error", async () => {
    const errors = vi.spyOn(console, "error");
    const response = await testApp().request("/deliberate");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "CONFLICT" } });
    expect(errors).not.toHaveBeenCalled();
  });
});
