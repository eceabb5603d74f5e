import { createSchema, createYoga } from "graphql-yoga";
import { hardenedYogaOptions } from "../hardening";
import type { GatewayContext, RequestContext } from "./context";
import { renderGraphiQLPage } from "./graphiql-page";
import { createLoaders } from "./loaders";
import { useObservation } from "./observation";
import { useKnownOperationTypes } from "./operation-types";
import { resolvers } from "./resolvers";
import typeDefs from "./schema.graphql";

function requestContext(server: RequestContext): GatewayContext {
  const ctx = { ...server } as GatewayContext;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/** Built once per isolate: parsing the schema and wiring plugins is too costly per request. */
export const yoga = createYoga<RequestContext, GatewayContext>({
  ...hardenedYogaOptions,
  plugins: [useObservation(), useKnownOperationTypes(), ...hardenedYogaOptions.plugins],
  schema: createSchema<GatewayContext>({ typeDefs, resolvers }),
  context: ({ env, config, requestId, log, metrics, observation, receivedAt, viewer, reportError, waitUntil }) =>
    requestContext({ env, config, requestId, log, metrics, observation, receivedAt, viewer, reportError, waitUntil }),
  graphqlEndpoint: "/graphql",
  landingPage: false,
  renderGraphiQL: renderGraphiQLPage,
});
