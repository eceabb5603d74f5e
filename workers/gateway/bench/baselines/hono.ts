/** Baseline: the least a hono Worker does to answer a GraphQL-shaped request. */
import { Hono } from "hono";

const app = new Hono();
app.on(["GET", "POST"], "/graphql", (c) => c.json({ data: { __typename: "Query" } }));

export default app;
