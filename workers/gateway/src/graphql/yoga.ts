import { createSchema, createYoga } from "graphql-yoga";
import type { Logger } from "../../../../shared/logger";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "./context";
import { createLoaders } from "./loaders";
import type { ViewerModel } from "./models";
import { resolvers } from "./resolvers";
import { permissionsOf } from "./role-permissions";
import typeDefs from "./schema.graphql";

/** What the HTTP layer hands to GraphQL for one request. */
export interface RequestContext {
  env: GatewayEnv;
  config: GatewayConfig;
  requestId: string;
  log: Logger;
  receivedAt: number;
  viewer: ViewerModel | null;
}

function requestContext(server: RequestContext): GatewayContext {
  const ctx = { ...server } as GatewayContext;
  ctx.loaders = createLoaders(ctx);
  ctx.permissionsOf = (roles) => permissionsOf(ctx, roles);
  return ctx;
}

/** Built once per isolate: parsing the schema and wiring plugins is too costly per request. */
export const yoga = createYoga<RequestContext, GatewayContext>({
  schema: createSchema<GatewayContext>({ typeDefs, resolvers }),
  context: ({ env, config, requestId, log, receivedAt, viewer }) =>
    requestContext({ env, config, requestId, log, receivedAt, viewer }),
  graphqlEndpoint: "/graphql",
  landingPage: false,
  graphiql: (_request, ctx) => ctx.config.ENVIRONMENT !== "production",
  maskedErrors: true,
});
