// Placeholder until its page lands (issue 12 work in progress).
export function StockPage() {
  return <h1>Stock</h1>;
}
