/** Validation of RPC arguments: bad input is a BAD_USER_INPUT value naming each field, never a throw. */
import * as v from "valibot";
import { failure, success, type RpcResult } from "./rpc";

/** The most ids one batch call takes (a full watchlist or a page of users). */
export const MAX_BATCH = 100;

export const UserId = v.pipe(v.string("must be a string"), v.uuid("must be a UUID"));

/** 1..100 ids, deduplicated. */
export const UserIds = v.pipe(
  v.array(UserId, "must be a list of UUIDs"),
  v.minLength(1, "must list at least one id"),
  v.maxLength(MAX_BATCH, `must list at most ${MAX_BATCH} ids`),
  v.transform((ids) => [...new Set(ids)]),
);

/** Parses `input`, or answers BAD_USER_INPUT with one detail per invalid field. */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): RpcResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return success(result.output);
  const details = result.issues.map((issue) => ({
    field: issue.path?.map((item) => String(item.key)).join(".") ?? "input",
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.field} ${d.message}`).join("; ");
  return failure("BAD_USER_INPUT", `Invalid input: ${summary}`, details);
}
