import { createSchema, createYoga } from "graphql-yoga";
import { graphiqlEnabled, hardeningPlugins, maskUnexpectedError, UNEXPECTED_ERROR_MESSAGE } from "../hardening";
import type { GatewayContext } from "./context";
import { health } from "./health";
import typeDefs from "./schema.graphql";

/** Built once per isolate: parsing the schema and wiring plugins is too costly per request. */
export const yoga = createYoga<GatewayContext>({
  schema: createSchema<GatewayContext>({
    typeDefs,
    resolvers: {
      Query: { health: (_root, _args, ctx) => health(ctx) },
    },
  }),
  graphqlEndpoint: "/graphql",
  landingPage: false,
  graphiql: (_request, ctx) => graphiqlEnabled(ctx.config),
  plugins: hardeningPlugins(),
  maskedErrors: { maskError: maskUnexpectedError, errorMessage: UNEXPECTED_ERROR_MESSAGE },
  // Masked errors are logged by hardening/errors.ts, with the request id.
  logging: false,
  // CORS is the app's (hono, from CORS_ORIGINS); yoga's default would allow every origin.
  cors: false,
  // Enforced, and counted as it streams, by hardening/body-limit.ts.
  maxRequestBodySize: false,
});
