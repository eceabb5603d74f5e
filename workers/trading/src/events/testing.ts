/** Events and read-model queries for the events tests (workerd and the integration tests). */
import type { AccountFigures, TradingEvent, TradingEventKind } from "./event";

let sequence = 0;

export function tradingEvent(accountId: string, version: number, account: Partial<AccountFigures> | null, kind: TradingEventKind = "DEPOSITED"): TradingEvent {
  sequence++;
  return {
    eventId: `evt-${accountId}-${version}-${sequence}`,
    kind,
    accountId,
    userId: `user-of-${accountId}`,
    version,
    at: new Date().toISOString(),
    account:
      account === null
        ? null
        : { cash: "100000.00", netDeposits: "100000.00", since: "2026-12-01T10:00:00.000Z", onLeaderboard: true, positions: [], ...account },
  };
}
