/**
 * Fault injectors for integration tests: each stands in front of a real service and
 * forwards every call to it, except a call the test armed (`arm(method, times, fault)`),
 * which throws as a crashed service would, hangs as an unreachable one would, or answers
 * null, outside the RPC contract, as a service of another version might.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

type Rpc = (...args: unknown[]) => Promise<unknown>;
export type Fault = "throw" | "hang" | "malformed";

interface Env {
  REAL: Record<string, Rpc>;
}

/** How long a "hang" keeps the caller waiting: far past any caller's timeout. */
const SLOW_MS = 30_000;

const armed = new Map<string, { left: number; fault: Fault }>();

/** The fault to inject into this call of `method`, if one is armed. */
function trip(method: string): Fault | undefined {
  const entry = armed.get(method);
  if (!entry || entry.left <= 0) return undefined;
  entry.left -= 1;
  return entry.fault;
}

/** An entrypoint that forwards `methods` (the service contract's method list) to its REAL binding. */
export function faultInjector(methods: readonly string[]) {
  class FaultInjector extends WorkerEntrypoint<Env> {
    arm(method: string, times = 1, fault: Fault = "throw"): void {
      armed.set(method, { left: times, fault });
    }

    disarm(): void {
      armed.clear();
    }
  }
  for (const method of methods) {
    Object.defineProperty(FaultInjector.prototype, method, {
      value(this: FaultInjector, ...args: unknown[]) {
        const fault = trip(method);
        if (fault === "throw") throw new Error(`injected failure in ${method}`);
        if (fault === "malformed") return null;
        // A promise nothing can settle is cancelled by the runtime at once; a long timer is a slow service.
        if (fault === "hang") return scheduler.wait(SLOW_MS).then(() => this.env.REAL[method]!(...args));
        return this.env.REAL[method]!(...args);
      },
    });
  }
  return FaultInjector;
}
