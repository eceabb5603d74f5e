import { exports } from "cloudflare:workers";

/**
 * The Worker under test's default export, typed by the test: each Worker's generated env
 * types leave `exports` untyped, since every Worker's program also sees the others' types.
 */
export function mainExport<T>(): T {
  return (exports as unknown as { default: T }).default;
}
