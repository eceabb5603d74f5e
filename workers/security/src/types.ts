/** The security service's public types: callers import these with the entrypoint's type. */

/** What one user may do: role and permission names, each sorted. */
export interface Access {
  roles: string[];
  permissions: string[];
}

export interface RoleInfo {
  name: string;
  description: string;
  /** Sorted. */
  permissions: string[];
}
