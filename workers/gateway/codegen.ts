/** Resolver types generated from the gateway's SDL: `npm run codegen` (checked for staleness by `npm test`). */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "workers/gateway/src/graphql/schema.graphql",
  generates: {
    "workers/gateway/src/graphql/resolvers.generated.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "./context#GatewayContext",
        scalars: { DateTime: "string", Date: "string", Decimal: "string" },
        mappers: {
          Stock: "./models#StockModel",
          Viewer: "./models#ViewerModel",
          User: "./models#UserModel",
          Profile: "./models#ProfileModel",
          WatchlistItem: "./models#WatchlistItemModel",
          Role: "./models#RoleModel",
          TradingAccount: "./models#TradingAccountModel",
          Position: "./models#PositionModel",
          Order: "./models#OrderModel",
          ActivityEntry: "./models#ActivityEntryModel",
        },
      },
    },
  },
};

export default config;
