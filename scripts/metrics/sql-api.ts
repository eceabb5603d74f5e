/** The Analytics Engine SQL API: one query, rows back (JSON format). */
export interface SqlApiConfig {
  accountId: string;
  apiToken: string;
  /** Where the API lives; tests point it at fixtures. */
  baseUrl?: string;
}

export type Row = Record<string, string | number | null>;

export async function querySql(config: SqlApiConfig, sql: string): Promise<Row[]> {
  const base = config.baseUrl ?? "https://api.cloudflare.com/client/v4";
  const response = await fetch(`${base}/accounts/${config.accountId}/analytics_engine/sql`, {
    method: "POST",
    headers: { authorization: `Bearer ${config.apiToken}` },
    body: `${sql} FORMAT JSON`,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Analytics Engine SQL API answered ${response.status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { data?: Row[] };
  if (!Array.isArray(body.data)) throw new Error("Analytics Engine SQL API answered without data");
  return body.data;
}
