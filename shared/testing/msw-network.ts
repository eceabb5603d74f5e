/**
 * MSW inside workerd: third-party HTTP (Yahoo, FMP, Sentry) answered from fixtures in their
 * documented shapes. This is what @msw/cloudflare's setupNetwork() does (MSW's network
 * over a fetch interceptor: workerd has no node:http to intercept), built from the msw 3
 * that is installed. Requests nobody handles fail the test.
 */
import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { defineNetwork, InterceptorSource } from "msw/experimental";
import { afterAll, afterEach, beforeAll } from "vitest";

export const network = defineNetwork({
  sources: [new InterceptorSource({ interceptors: [new FetchInterceptor()] })],
  onUnhandledFrame: "error",
  // Handled requests are expected; only unhandled ones are worth a line.
  context: { quiet: true },
});

export function useNetworkMocks(): void {
  beforeAll(() => network.enable());
  afterEach(() => network.resetHandlers());
  afterAll(() => network.disable());
}
