/** Every request the simulated users sent, as the report needs it. */
export interface Sample {
  /** What was asked: "register", "addToWatchlist", ... */
  kind: string;
  status: number;
  /** GraphQL `extensions.code`s or the auth API's `error.code`, in answer order. */
  codes: string[];
  /** A 429, RATE_LIMITED, or a 503 with Retry-After from /auth/*: the client backs off. */
  throttled: boolean;
  /** 2xx with no error at all. */
  clean: boolean;
  ms: number;
}

export class Recorder {
  readonly samples: Sample[] = [];
  /** Requests that got no answer at all (connection failure, timeout). */
  readonly transportErrors: { kind: string; message: string }[] = [];

  record(sample: Sample): void {
    this.samples.push(sample);
  }

  transportError(kind: string, error: unknown): void {
    this.transportErrors.push({ kind, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
