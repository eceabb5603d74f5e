import { lazy, Suspense } from "react";
import { useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";

const PriceChart = lazy(() => import("./PriceChart"));

// Requires view_stocks: signed out, the gateway answers UNAUTHENTICATED (the client then
// refreshes the cookie session once and retries).
const StockHeadingQuery = graphql(`
  query StockHeading($symbol: String!) {
    stock(symbol: $symbol) {
      symbol
      name
    }
  }
`);

export function StockPage() {
  const { symbol = "" } = useParams();
  const [search] = useSearchParams();
  const [{ data, error }] = useQuery({ query: StockHeadingQuery, variables: { symbol } });
  if (error) return <p role="alert">{error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (data && !data.stock) return <h1>Not found</h1>;
  return (
    <main>
      <h1>{data?.stock ? `${data.stock.symbol} ${data.stock.name}` : symbol}</h1>
      <Suspense fallback={<p>Loading chart…</p>}>
        <PriceChart symbol={symbol} logo={search.get("logo") === "1"} />
      </Suspense>
    </main>
  );
}
