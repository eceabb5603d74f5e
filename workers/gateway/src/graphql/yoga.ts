import { createSchema, createYoga } from "graphql-yoga";
import { hardenedYogaOptions } from "../hardening";
import type { GatewayContext } from "./context";
import { health } from "./health";
import typeDefs from "./schema.graphql";

/** Built once per isolate: parsing the schema and wiring plugins is too costly per request. */
export const yoga = createYoga<GatewayContext>({
  ...hardenedYogaOptions,
  schema: createSchema<GatewayContext>({
    typeDefs,
    resolvers: {
      Query: { health: (_root, _args, ctx) => health(ctx) },
    },
  }),
  graphqlEndpoint: "/graphql",
  landingPage: false,
});
