// Placeholder until its page lands (issue 12 work in progress).
export function AdminUsersPage() {
  return <h1>AdminUsers</h1>;
}
