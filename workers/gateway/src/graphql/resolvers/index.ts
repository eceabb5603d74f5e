import { withPermissions } from "../permissions";
import type { Resolvers } from "../resolvers.generated";
import { health } from "./health";
import { liveResolvers } from "./live";
import { Decimal } from "../scalars";
import { stockResolvers } from "./stock";
import { tradingResolvers } from "./trading";
import { userResolvers } from "./users";
import { viewerResolvers } from "./viewer";

const parts: Resolvers[] = [{ Decimal }, stockResolvers, viewerResolvers, userResolvers, tradingResolvers, liveResolvers];

function merge(all: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of all) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged as Resolvers;
}

/** Every resolver of the schema, each "Requires" field guarded by its permission. */
export const resolvers: Resolvers = withPermissions(
  merge([{ Query: { health: (_root, _args, ctx) => health(ctx) } }, ...parts]) as Record<string, Record<string, unknown>>,
) as Resolvers;
