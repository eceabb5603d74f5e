/** The accounts RPC of the gateway: lookups by id and a newest-first listing. */
import * as v from "valibot";
import type { Db } from "../../../shared/d1";
import { failure, success, type RpcResult } from "../../../shared/rpc";
import { AccountIds, AccountsPageRequest, type Account, type AccountsPage } from "./contract";
import { accountsByIds, accountsPage, type Cursor } from "./users";

const CursorShape = v.tuple([v.string(), v.string()]);

const encodeCursor = ({ createdAt, id }: Account) =>
  btoa(JSON.stringify([createdAt, id])).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function decodeCursor(cursor: string): Cursor | null {
  try {
    const parsed = v.safeParse(CursorShape, JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/"))));
    return parsed.success ? { createdAt: parsed.output[0], id: parsed.output[1] } : null;
  } catch {
    return null;
  }
}

export async function lookUpAccounts(db: Db, userIds: unknown): Promise<RpcResult<Record<string, Account>>> {
  if (!v.is(AccountIds, userIds)) return failure("BAD_USER_INPUT", "userIds must be 1 to 100 strings.");
  return success(await accountsByIds(db, userIds));
}

export async function listAccountsPage(db: Db, page: unknown): Promise<RpcResult<AccountsPage>> {
  const parsed = v.safeParse(AccountsPageRequest, page);
  if (!parsed.success) return failure("BAD_USER_INPUT", "first must be an integer from 1 to 100.");
  const { first, after } = parsed.output;
  const cursor = after === undefined ? undefined : decodeCursor(after);
  if (cursor === null) return failure("BAD_USER_INPUT", "after is not a cursor from a previous page.");
  const { accounts, hasNextPage } = await accountsPage(db, first, cursor);
  const listed = accounts.map((account) => ({ ...account, cursor: encodeCursor(account) }));
  return success({ accounts: listed, hasNextPage, endCursor: listed.at(-1)?.cursor ?? null });
}
