/** The gateway Worker: the one public GraphQL endpoint of Fafnir. */
import { app } from "./app";

export default app satisfies ExportedHandler<GatewayEnv>;
