/**
 * A position at a live price: what the gateway computes for a query (trading.md), again in
 * the browser for display, so the row follows the price between page loads.
 */
import type { PortfolioAccountFragment } from "../gql/graphql";

type Position = PortfolioAccountFragment["positions"][number];

export function revalue(position: Position, price: number): Position {
  const marketValue = Number(position.quantity) * price;
  const costBasis = Number(position.costBasis);
  const unrealizedPnl = marketValue - costBasis;
  return {
    ...position,
    marketPrice: String(price),
    marketValue: marketValue.toFixed(2),
    unrealizedPnl: unrealizedPnl.toFixed(2),
    unrealizedPnlPercent: costBasis > 0 ? (unrealizedPnl / costBasis) * 100 : null,
  };
}
