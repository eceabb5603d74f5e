import { useQuery } from "urql";
import { graphql } from "../gql";

const HealthQuery = graphql(`
  query Health {
    health {
      status
    }
  }
`);

export function HealthPage() {
  const [{ data, error, fetching }] = useQuery({ query: HealthQuery });
  return (
    <main>
      <h1>Fafnir</h1>
      <p role="status">{fetching ? "Checking…" : error ? `Unavailable: ${error.message}` : `Platform: ${data?.health.status}`}</p>
    </main>
  );
}
