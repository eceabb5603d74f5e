/** Baseline: graphql-yoga with default options and a one-field schema, answering `{ __typename }`. */
import { createSchema, createYoga } from "graphql-yoga";

const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }),
  graphiql: false,
  landingPage: false,
  logging: false,
});

export default { fetch: (request: Request) => yoga.fetch(request) };
