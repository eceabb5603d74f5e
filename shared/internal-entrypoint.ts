/**
 * The base of every internal Worker's RPC entrypoint: the one door into the service.
 *
 * Every method on the prototype of a subclass is callable over RPC whatever its TypeScript
 * visibility, so subclasses keep helpers in `#private` members or module functions.
 */
import { WorkerEntrypoint } from "cloudflare:workers";

export abstract class InternalEntrypoint<Env> extends WorkerEntrypoint<Env> {
  /** Internal Workers have no HTTP surface. */
  override fetch(): Response {
    return new Response(null, { status: 404 });
  }
}
