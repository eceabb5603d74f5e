// Placeholder until its page lands (issue 12 work in progress).
export function SearchPage() {
  return <h1>Search</h1>;
}
