/**
 * An account's headline figures as a description list, each figure labelled by its term
 * (so "Equity" names its value for a screen reader and for tests, as "Price" does on the
 * stock page). The AccountFigures fragment is what the dashboard and the portfolio show.
 */
import { useId, type ReactNode } from "react";
import { graphql } from "../gql";
import styles from "./AccountFigures.module.css";

graphql(`
  fragment AccountFigures on TradingAccount {
    id
    currency
    cash
    buyingPower
    equity
    netDeposits
    totalReturn
    totalReturnPercent
    realizedPnl
    unrealizedPnl
    onLeaderboard
  }
`);

export interface AccountFigure {
  term: string;
  value: ReactNode;
}

export function AccountFigures({ label, figures }: { label: string; figures: readonly AccountFigure[] }) {
  const id = useId();
  return (
    <dl aria-label={label} className={styles.figures}>
      {figures.map(({ term, value }, index) => (
        <div key={term} className={styles.figure}>
          <dt id={`${id}-${index}`}>{term}</dt>
          <dd aria-labelledby={`${id}-${index}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
