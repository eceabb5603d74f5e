/**
 * /portfolio: the account's figures, its positions, its equity chart, "Deposit" and "Reset
 * account", from ONE query (Portfolio: me with the account, its positions and a month of
 * equity). Deposit and reset answer the same fields, so the page updates from their answer;
 * another chart period is one PortfolioEquity query, once per visit. The positions follow
 * the `quotes` subscription; the account's figures are those of the last answer.
 */
import { useRef, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useClient, useMutation } from "urql";
import { can, useSessionQuery } from "../app/session";
import { Change } from "../components/Change";
import { DEFAULT_CHART_PERIOD, type ChartPeriod } from "../components/chart-periods";
import { Dialog } from "../components/Dialog";
import { failedAt } from "../components/failure";
import { Field } from "../components/Field";
import { formatMoney, formatPrice, formatQuantity, formatSignedMoney } from "../components/format";
import { ErrorAlert, StatusMessage } from "../components/Notice";
import { PeriodChart } from "../components/PeriodChart";
import { Loading, QueryError } from "../components/QueryState";
import { useForm } from "../components/useForm";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { PortfolioAccountFragment } from "../gql/graphql";
import { AccountFigures } from "../trading/AccountFigures";
import { depositRule } from "../trading/deposit";
import { drawEquity, EQUITY_PERIODS, equityChartLabel } from "../trading/equity-chart";
import { OpenAccount } from "../trading/OpenAccount";
import { revalue } from "../trading/revalue";
import { useLiveQuotes } from "../live/quotes";
import type { EquityPoint } from "../trading/todays-change";
import styles from "./Portfolio.module.css";

graphql(`
  fragment PortfolioAccount on TradingAccount {
    ...AccountFigures
    positions {
      symbol
      stock {
        symbol
        name
      }
      quantity
      averageCost
      costBasis
      marketPrice
      marketValue
      unrealizedPnl
      unrealizedPnlPercent
    }
    equityHistory(period: $period) {
      date
      equity
    }
  }
`);

const PortfolioDocument = graphql(`
  query Portfolio($period: HistoryPeriod!) {
    me {
      ...Session
      tradingAccount {
        ...PortfolioAccount
      }
    }
  }
`);

const PortfolioEquityDocument = graphql(`
  query PortfolioEquity($period: HistoryPeriod!) {
    me {
      id
      tradingAccount {
        id
        equityHistory(period: $period) {
          date
          equity
        }
      }
    }
  }
`);

const OpenPortfolioAccountDocument = graphql(`
  mutation OpenPortfolioAccount($period: HistoryPeriod!) {
    openTradingAccount {
      ...PortfolioAccount
    }
  }
`);

const DepositDocument = graphql(`
  mutation Deposit($amount: Decimal!, $period: HistoryPeriod!) {
    deposit(amount: $amount) {
      ...PortfolioAccount
    }
  }
`);

const ResetAccountDocument = graphql(`
  mutation ResetAccount($period: HistoryPeriod!) {
    resetTradingAccount {
      ...PortfolioAccount
    }
  }
`);

const period = DEFAULT_CHART_PERIOD;

export function PortfolioPage() {
  usePageTitle("Portfolio");
  const [{ data, error }, reexecute] = useSessionQuery({ query: PortfolioDocument, variables: { period } });
  const [changed, setChanged] = useState<{ account: PortfolioAccountFragment; news: string }>();
  const [, openAccount] = useMutation(OpenPortfolioAccountDocument);
  const retry = () => reexecute({ requestPolicy: "network-only" });
  const me = data?.me;
  if (!me) return error ? <QueryError error={error} retry={retry} /> : <Loading />;
  const account = changed?.account ?? me.tradingAccount;
  const open = async () => {
    const result = await openAccount({ period });
    if (result.data) setChanged({ account: result.data.openTradingAccount, news: "Your paper-trading account is open." });
    return result.error;
  };
  let content: ReactNode;
  if (!can(me, "trade")) content = <p>Your account is not allowed to trade.</p>;
  else if (account) content = <Portfolio account={account} onChanged={(next, news) => setChanged({ account: next, news })} />;
  else if (failedAt(error, "tradingAccount")) content = <QueryError error={error!} retry={retry} />;
  else content = <OpenAccount open={open} why="You have no paper-trading account yet." />;
  return (
    <>
      <h1>Portfolio</h1>
      <StatusMessage message={changed?.news} />
      {content}
    </>
  );
}

type Changed = (account: PortfolioAccountFragment, news: string) => void;

function Portfolio({ account, onChanged }: { account: PortfolioAccountFragment; onChanged: Changed }) {
  const client = useClient();
  const money = (value: string) => formatMoney(value, account.currency);
  const load = async (chosen: ChartPeriod) => {
    const result = await client.query(PortfolioEquityDocument, { period: chosen }, { requestPolicy: "network-only" }).toPromise();
    return { points: result.data?.me?.tradingAccount?.equityHistory, error: result.error };
  };
  const label = (chosen: ChartPeriod, points: readonly EquityPoint[]) => equityChartLabel(chosen, points, account.currency);
  return (
    <div className={styles.page}>
      <AccountFigures
        label="Account"
        figures={[
          { term: "Equity", value: money(account.equity) },
          { term: "Cash", value: money(account.cash) },
          { term: "Buying power", value: money(account.buyingPower) },
          { term: "Total return", value: <Change change={account.totalReturn} percent={account.totalReturnPercent} currency={account.currency} /> },
        ]}
      />
      <p className="muted">
        Net deposits {money(account.netDeposits)} · realized P&amp;L {formatSignedMoney(account.realizedPnl, account.currency)} · unrealized P&amp;L{" "}
        {formatSignedMoney(account.unrealizedPnl, account.currency)}
      </p>
      <AccountActions onChanged={onChanged} />
      <Positions account={account} />
      {/* A deposit or reset changes the history: the chart starts again from the answer's. */}
      <PeriodChart
        key={account.equityHistory.map((p) => `${p.date}:${p.equity}`).join()}
        title="Equity history"
        periods={EQUITY_PERIODS}
        initial={account.equityHistory}
        load={load}
        draw={drawEquity}
        label={label}
      />
      {account.equityHistory.length === 1 && (
        <p className="muted">The chart grows by one point at each trading day's close, starting from the day the account was opened or reset.</p>
      )}
    </div>
  );
}

function Positions({ account }: { account: PortfolioAccountFragment }) {
  const currency = account.currency;
  const live = useLiveQuotes(account.positions.map((position) => position.symbol));
  const positions = account.positions.map((position) => {
    const quote = live.get(position.symbol);
    return quote ? revalue(position, quote.price) : position;
  });
  return (
    <section aria-labelledby="positions-heading">
      <h2 id="positions-heading">Positions</h2>
      {account.positions.length === 0 ? (
        <p>
          No positions yet. Buy from a stock's page: <Link to="/search">search stocks</Link> and use its order ticket.
        </p>
      ) : (
        <div className={styles.tableWrap}>
          <table aria-label="Positions" className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" className="number">
                  Quantity
                </th>
                <th scope="col" className="number">
                  Average cost
                </th>
                <th scope="col" className="number">
                  Market value
                </th>
                <th scope="col" className="number">
                  Unrealized P&amp;L
                </th>
              </tr>
            </thead>
            <tbody>
              {positions.map((position) => (
                <tr key={position.symbol}>
                  <th scope="row">
                    <Link to={`/stocks/${encodeURIComponent(position.symbol)}`}>{position.symbol}</Link>
                    {position.stock && <span className={styles.name}>{position.stock.name}</span>}
                  </th>
                  <td className="number">{formatQuantity(position.quantity)}</td>
                  <td className="number">{formatPrice(position.averageCost, currency)}</td>
                  <td className="number">
                    {position.marketValue === null ? <span className="muted">No quote</span> : formatMoney(position.marketValue, currency)}
                    {position.marketPrice !== null && <span className={styles.name}>at {formatPrice(position.marketPrice, currency)}</span>}
                  </td>
                  <td className="number">
                    {position.unrealizedPnl === null ? (
                      <span className="muted">No quote</span>
                    ) : (
                      <Change change={position.unrealizedPnl} percent={position.unrealizedPnlPercent} currency={currency} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AccountActions({ onChanged }: { onChanged: Changed }) {
  const [asking, setAsking] = useState<"deposit" | "reset">();
  const depositButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  return (
    <div className={styles.actions}>
      <button ref={depositButton} type="button" className="primary" onClick={() => setAsking("deposit")}>
        Deposit
      </button>
      <button ref={resetButton} type="button" className="danger" onClick={() => setAsking("reset")}>
        Reset account
      </button>
      {asking && (
        <Dialog
          title={asking === "deposit" ? "Deposit paper cash" : "Reset your account?"}
          opener={asking === "deposit" ? depositButton : resetButton}
          onClose={() => setAsking(undefined)}
        >
          {(close) => {
            const Form = asking === "deposit" ? DepositForm : ResetForm;
            return (
              <Form
                onCancel={close}
                onDone={(account, news) => {
                  close();
                  onChanged(account, news);
                }}
              />
            );
          }}
        </Dialog>
      )}
    </div>
  );
}

function DepositForm({ onCancel, onDone }: { onCancel(): void; onDone: Changed }) {
  const [, deposit] = useMutation(DepositDocument);
  const form = useForm({ initial: { amount: "" }, labels: { amount: "Amount" }, rules: { amount: depositRule } });
  const onSubmit = form.submit(async ({ amount }) => {
    const result = await deposit({ amount: amount.trim(), period });
    if (result.error) throw result.error;
    if (result.data)
      onDone(
        result.data.deposit,
        `Deposited ${formatMoney(amount.trim(), result.data.deposit.currency)}. Cash is now ${formatMoney(result.data.deposit.cash, result.data.deposit.currency)}.`,
      );
    return undefined;
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <p>Adds virtual cash to your paper account: $0.01 to $1,000,000.00 at a time, up to $10,000,000.00 in cash.</p>
      <ErrorAlert message={form.alert} />
      <Field {...form.field("amount")} inputMode="decimal" autoComplete="off" hint="In US dollars, such as 5000 or 250.75." required />
      <div className={styles.actions}>
        <button type="submit" className="primary" aria-disabled={form.busy}>
          Confirm deposit
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ResetForm({ onCancel, onDone }: { onCancel(): void; onDone: Changed }) {
  const [, reset] = useMutation(ResetAccountDocument);
  const form = useForm({ initial: {}, labels: {}, rules: {} });
  const onSubmit = form.submit(async () => {
    const result = await reset({ period });
    if (result.error) throw result.error;
    if (result.data)
      onDone(result.data.resetTradingAccount, "Your account has been reset: open orders are canceled and cash is back to the starting cash.");
    return undefined;
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <p>Open orders are canceled, every position is dropped, and cash returns to the starting cash. Your order history stays.</p>
      <ErrorAlert message={form.alert} />
      <div className={styles.actions}>
        <button type="submit" className="danger" aria-disabled={form.busy}>
          Yes, reset my account
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
