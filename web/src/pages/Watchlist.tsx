// Placeholder until its page lands (issue 12 work in progress).
export function WatchlistPage() {
  return <h1>Watchlist</h1>;
}
