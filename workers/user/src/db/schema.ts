import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const profiles = sqliteTable("profiles", {
  userId: text("user_id").primaryKey(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const watchlistItems = sqliteTable(
  "watchlist_items",
  {
    userId: text("user_id").notNull(),
    symbol: text("symbol").notNull(),
    addedAt: text("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.symbol] }), index("watchlist_items_user_added_idx").on(t.userId, t.addedAt)],
);
