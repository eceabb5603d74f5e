/**
 * The GraphiQL page yoga serves to browsers at /graphql: yoga's own GraphiQL build, loaded
 * from the gateway's static assets (scripts/graphiql-assets.ts writes them, `[assets]` in
 * wrangler.toml serves them) instead of yoga's default CDN, so it works offline.
 */
import type { GraphiQLOptions } from "graphql-yoga";

/** Where `[assets]` serves GraphiQL's files (workers/gateway/assets/graphiql/). */
export const GRAPHIQL_ASSETS = "/graphiql";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot close the <script> it is written into. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * Queries go out by a fetcher of our own: a browser signed in by cookie must send the
 * fafnir_csrf cookie's value as X-CSRF-Token (auth/viewer.ts), read at each request since
 * signing in or out changes it.
 */
const PAGE_SCRIPT = `
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\\s*)fafnir_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : undefined;
}
function fafnirFetcher(endpoint) {
  return async (params, options) => {
    const token = csrfToken();
    const response = await fetch(endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        accept: "application/graphql-response+json, application/json",
        "content-type": "application/json",
        ...(token ? { "x-csrf-token": token } : {}),
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}`;

export function renderGraphiQLPage({ endpoint = "/graphql", ...options }: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? "Fafnir GraphiQL");
  const workers = {
    editorWorkerService: `${GRAPHIQL_ASSETS}/monacoeditorwork/editor.worker.bundle.js`,
    json: `${GRAPHIQL_ASSETS}/monacoeditorwork/json.worker.bundle.js`,
    graphql: `${GRAPHIQL_ASSETS}/monacoeditorwork/graphql.worker..bundle.js`,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}/graphiql.css">
</head>
<body class="no-focus-outline">
<div id="root">Loading ${title}...</div>
<script>
const monacoWorkers = ${scriptJson(workers)};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => monacoWorkers[label] ?? monacoWorkers.editorWorkerService };
${PAGE_SCRIPT}
</script>
<script src="${GRAPHIQL_ASSETS}/yoga-graphiql.umd.js"></script>
<script>
YogaGraphiQL.renderYogaGraphiQL(root, { ...${scriptJson(options)}, fetcher: fafnirFetcher(${scriptJson(endpoint)}) });
</script>
</body>
</html>`;
}
