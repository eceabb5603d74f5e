// Placeholder until the search page lands (issue 12 work in progress).
export function SearchBox() {
  return null;
}
