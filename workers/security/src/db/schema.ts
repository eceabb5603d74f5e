import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const roles = sqliteTable("roles", {
  name: text("name").primaryKey(),
  description: text("description").notNull(),
});

export const permissions = sqliteTable("permissions", {
  name: text("name").primaryKey(),
  description: text("description").notNull(),
});

export const rolePermissions = sqliteTable(
  "role_permissions",
  {
    role: text("role").notNull().references(() => roles.name, { onDelete: "cascade" }),
    permission: text("permission").notNull().references(() => permissions.name, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id").notNull(),
    role: text("role").notNull().references(() => roles.name),
    grantedAt: text("granted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index("user_roles_role_idx").on(t.role)],
);
