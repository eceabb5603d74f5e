/**
 * Persisted queries, Apollo's protocol (extensions.persistedQuery { version: 1, sha256Hash }).
 *
 * automatic: a client sends the hash alone; on PERSISTED_QUERY_NOT_FOUND it sends hash
 * and document, which are checked against each other and remembered by this isolate.
 * allow-list: only the documents of persisted-operations.json run, asked for by hash or
 * sent in full; anything else is PERSISTED_QUERY_NOT_FOUND.
 */
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { GraphQLErrorCode } from "../../../../shared/errors";
import type { RequestContext } from "../graphql/context";
import { gatewayError } from "./errors";
import manifest from "./persisted-operations.json";
// The web app's documents (web/codegen.ts writes them; committed like the resolver types).
import webDocuments from "../../../../web/src/gql/persisted-documents.json";

const persisted: Readonly<Record<string, string>> = { ...manifest, ...webDocuments };

// Apollo clients recognise the miss by this message as well as by the code. 404 keeps
// them from turning persisted queries off, which they do on a 400.
const notFound = () =>
  gatewayError(GraphQLErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", { status: 404, spec: true });

const hashMismatch = () =>
  gatewayError(GraphQLErrorCode.BAD_REQUEST, "provided sha does not match query", { status: 400, spec: true });

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function requestedHash(params: GraphQLParams): string | undefined {
  const persistedQuery: unknown = params.extensions?.["persistedQuery"];
  if (typeof persistedQuery !== "object" || persistedQuery === null) return undefined;
  const { version, sha256Hash } = persistedQuery as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === "string" ? sha256Hash.toLowerCase() : undefined;
}

/** Documents learnt through APQ, least recently used first, bounded in count and size. */
export class DocumentStore {
  readonly #documents = new Map<string, string>();
  #chars = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number,
  ) {}

  get(hash: string): string | undefined {
    const document = this.#documents.get(hash);
    if (document !== undefined) {
      this.#documents.delete(hash);
      this.#documents.set(hash, document);
    }
    return document;
  }

  set(hash: string, document: string): void {
    if (document.length > this.maxChars || this.#documents.has(hash)) return;
    this.#documents.set(hash, document);
    this.#chars += document.length;
    for (const [oldest, text] of this.#documents) {
      if (this.#documents.size <= this.maxEntries && this.#chars <= this.maxChars) break;
      this.#documents.delete(oldest);
      this.#chars -= text.length;
    }
  }

  get size(): number {
    return this.#documents.size;
  }
}

/** One store per isolate: a few MB at most of the 128 MB an isolate has. */
const learnt = new DocumentStore(2_000, 4 * 1024 * 1024);

export function usePersistedQueries(store: DocumentStore = learnt): Plugin<RequestContext, RequestContext> {
  return {
    async onParams({ params, setParams, context }) {
      const allowListOnly = context.config.GRAPHQL_PERSISTED_QUERIES === "allow-list";
      const hash = requestedHash(params);
      const query = typeof params.query === "string" ? params.query : undefined;
      if (query !== undefined) {
        if (hash === undefined && !allowListOnly) return;
        const actual = await sha256Hex(query);
        if (hash !== undefined && hash !== actual) throw hashMismatch();
        if (allowListOnly && !Object.hasOwn(persisted, actual)) throw notFound();
        if (!allowListOnly && hash !== undefined) store.set(hash, query);
        return;
      }
      if (hash === undefined) return;
      const document = Object.hasOwn(persisted, hash) ? persisted[hash] : allowListOnly ? undefined : store.get(hash);
      if (document === undefined) throw notFound();
      setParams({ ...params, query: document });
    },
  };
}
