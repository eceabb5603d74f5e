import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, sink: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with service and request id", () => {
    const { lines, sink } = capture();
    createLogger({ service: "auth", requestId: "req-12345678", sink }).info("hello", { userId: "u1" });
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", message: "hello", service: "auth", requestId: "req-12345678", userId: "u1" }),
    ]);
  });

  it("drops lines below its level and keeps child fields", () => {
    const { lines, sink } = capture();
    const log = createLogger({ service: "stock", level: "warn", sink }).with({ operation: "quotes" });
    log.info("quiet");
    log.error("loud", { error: new TypeError("boom") });
    expect(lines).toEqual([
      expect.objectContaining({ message: "loud", operation: "quotes", error: { name: "TypeError", message: "boom" } }),
    ]);
  });
});
