/** Validation of RPC arguments: bad input is a BAD_USER_INPUT value naming each field, never a throw. */
import * as v from "valibot";
import { failure, success, type RpcResult } from "../../../shared/rpc";

export const MAX_BATCH = 100;

export const UserId = v.pipe(v.string("must be a string"), v.uuid("must be a UUID"));

/** 1..100 ids, deduplicated. */
export const UserIds = v.pipe(
  v.array(UserId, "must be a list of UUIDs"),
  v.minLength(1, "must list at least one id"),
  v.maxLength(MAX_BATCH, `must list at most ${MAX_BATCH} ids`),
  v.transform((ids) => [...new Set(ids)]),
);

/** The shape of a role name; whether the role exists is the database's answer. */
export const RoleName = v.pipe(
  v.string("must be a string"),
  v.regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a role name (lower-case letters, digits, underscores)"),
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
