// Placeholder until its page lands (issue 12 work in progress).
export function HomePage() {
  return <h1>Fafnir</h1>;
}
