/** The trading Worker's own door, for tests that check what the gateway did behind it. */
import type { Platform } from "../../../../scripts/testing/platform.ts";
import type { TradingRpc } from "../../../trading/src/contract.ts";

export async function tradingRpc(platform: Platform): Promise<TradingRpc> {
  return (await platform.worker("trading").getExport()) as unknown as TradingRpc;
}
