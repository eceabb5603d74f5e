/**
 * The stock page's "Order ticket" (web.md "The order ticket"): Buy/Sell, order type, the
 * fields that type needs, time in force, the estimated cost, "Place order"; the outcome in
 * a status (an alert for a rejection). Without an account it offers "Open paper account".
 * Its account figures come with the stock page's one query (TicketAccount); placing an
 * order is one request and re-reading buying power and holdings one more.
 */
import { useId, useState, type FormEvent } from "react";
import { useClient, useMutation, type CombinedError } from "urql";
import { Field } from "../components/Field";
import { formatMoney, formatQuantity } from "../components/format";
import { ErrorAlert, StatusMessage } from "../components/Notice";
import { SelectField } from "../components/SelectField";
import { useForm } from "../components/useForm";
import { graphql } from "../gql";
import type { OrderSide, OrderType, TicketAccountFragment, TimeInForce } from "../gql/graphql";
import { OpenAccount } from "../trading/OpenAccount";
import { outcomeOf, type Outcome } from "../trading/order-words";
import { estimatedCost, ORDER_TYPES, priceFieldsOf, priceRule, quantityRule, TIMES_IN_FORCE } from "../trading/ticket";
import styles from "./OrderTicket.module.css";

graphql(`
  fragment TicketAccount on TradingAccount {
    id
    currency
    buyingPower
    positions {
      symbol
      quantity
      availableQuantity
    }
  }
`);

const TicketAccountDocument = graphql(`
  query TicketAccount {
    me {
      id
      tradingAccount {
        ...TicketAccount
      }
    }
  }
`);

const OpenTicketAccountDocument = graphql(`
  mutation OpenTicketAccount {
    openTradingAccount {
      ...TicketAccount
    }
  }
`);

const PlaceOrderDocument = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      ...OrderRow
    }
  }
`);

interface TicketProps {
  symbol: string;
  /** The current quote's price (a market order's estimate), or null without a quote. */
  marketPrice: number | null;
  account: TicketAccountFragment | null;
  /** The account could not be read (the page's alert says why): no ticket rather than a false "Open paper account". */
  unavailable: boolean;
}

export function OrderTicket({ symbol, marketPrice, account: loaded, unavailable }: TicketProps) {
  const headingId = useId();
  const [account, setAccount] = useState(loaded);
  const [, openAccount] = useMutation(OpenTicketAccountDocument);
  const open = async () => {
    const result = await openAccount({});
    if (result.data) setAccount(result.data.openTradingAccount);
    return result.error;
  };
  return (
    <section aria-labelledby={headingId} className={`card ${styles.ticket}`}>
      <h2 id={headingId}>Order ticket</h2>
      {account ? (
        <TicketForm labelledBy={headingId} symbol={symbol} marketPrice={marketPrice} account={account} onAccount={setAccount} />
      ) : unavailable ? (
        <p>Your paper-trading account cannot be reached right now, so orders cannot be placed. Try again in a moment.</p>
      ) : (
        // Still the form named "Order ticket" (web.md), whose one action is opening the account.
        <form aria-labelledby={headingId} onSubmit={(event) => event.preventDefault()}>
          <OpenAccount open={open} why={`To trade ${symbol}, open a paper-trading account first.`} />
        </form>
      )}
    </section>
  );
}

/** The typed fields; side, type and time in force are choices with nothing to check. */
const LABELS = { quantity: "Quantity", limitPrice: "Limit price", stopPrice: "Stop price" };

const noRule = () => undefined;

interface TicketFormProps {
  labelledBy: string;
  symbol: string;
  marketPrice: number | null;
  account: TicketAccountFragment;
  onAccount(account: TicketAccountFragment): void;
}

function TicketForm({ labelledBy, symbol, marketPrice, account, onAccount }: TicketFormProps) {
  const client = useClient();
  const [, placeOrder] = useMutation(PlaceOrderDocument);
  const [outcome, setOutcome] = useState<Outcome>();
  const [refreshError, setRefreshError] = useState<CombinedError>();
  const [type, setType] = useState<OrderType>("MARKET");
  const [side, setSide] = useState<OrderSide>("BUY");
  const [timeInForce, setTimeInForce] = useState<TimeInForce>("DAY");
  const needs = priceFieldsOf(type);
  const form = useForm({
    initial: { quantity: "", limitPrice: "", stopPrice: "" },
    labels: LABELS,
    rules: {
      quantity: quantityRule,
      limitPrice: needs.limitPrice ? priceRule(LABELS.limitPrice) : noRule,
      stopPrice: needs.stopPrice ? priceRule(LABELS.stopPrice) : noRule,
    },
  });
  const { quantity, limitPrice, stopPrice } = form.values;
  const cost = estimatedCost({ type, quantity, limitPrice, stopPrice, marketPrice });
  const position = account.positions.find((p) => p.symbol === symbol);

  const refresh = async () => {
    const result = await client.query(TicketAccountDocument, {}, { requestPolicy: "network-only" }).toPromise();
    const fresh = result.data?.me?.tradingAccount;
    if (fresh) onAccount(fresh);
    setRefreshError(fresh ? undefined : result.error);
  };

  const submit = form.submit(async (values) => {
    const result = await placeOrder({
      input: {
        symbol,
        side,
        type,
        timeInForce,
        quantity: values.quantity.trim(),
        limitPrice: needs.limitPrice ? values.limitPrice.trim() : null,
        stopPrice: needs.stopPrice ? values.stopPrice.trim() : null,
        // Placing again with this id answers the same order: a retried request creates nothing twice.
        clientOrderId: crypto.randomUUID(),
      },
    });
    if (result.error) throw result.error;
    if (!result.data) return undefined;
    setOutcome(outcomeOf(result.data.placeOrder, account.currency));
    await refresh();
    return undefined;
  });

  // Each attempt starts without the last order's outcome, refused by the field rules or not.
  const onSubmit = (event: FormEvent) => {
    setOutcome(undefined);
    return submit(event);
  };

  const money = (value: string) => formatMoney(value, account.currency);
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby={labelledBy} className={styles.form}>
      <fieldset className={styles.sides}>
        <legend>Side</legend>
        {(["BUY", "SELL"] as const).map((value) => (
          <label key={value} className={styles.side}>
            <input type="radio" name="side" value={value} checked={side === value} onChange={() => setSide(value)} />
            {value === "BUY" ? "Buy" : "Sell"}
          </label>
        ))}
      </fieldset>
      <p className={`muted ${styles.holding}`}>
        {side === "BUY"
          ? `Buying power: ${money(account.buyingPower)}`
          : position
            ? `You hold ${formatQuantity(position.quantity)} ${symbol}, ${formatQuantity(position.availableQuantity)} available to sell.`
            : `You hold no ${symbol}.`}
      </p>
      <SelectField
        label="Order type"
        name="type"
        value={type}
        options={ORDER_TYPES}
        onChange={(value) => setType(value)}
        hint={ORDER_TYPES.find((t) => t.value === type)!.hint}
      />
      <Field {...form.field("quantity")} inputMode="decimal" autoComplete="off" hint="Shares, up to 4 decimal places." required />
      {needs.stopPrice && <Field {...form.field("stopPrice")} inputMode="decimal" autoComplete="off" required />}
      {needs.limitPrice && <Field {...form.field("limitPrice")} inputMode="decimal" autoComplete="off" required />}
      <SelectField
        label="Time in force"
        name="timeInForce"
        value={timeInForce}
        options={TIMES_IN_FORCE}
        onChange={(value) => setTimeInForce(value)}
        hint={TIMES_IN_FORCE.find((t) => t.value === timeInForce)!.hint}
      />
      <EstimatedCost side={side} cost={cost} currency={account.currency} />
      <button type="submit" className="primary" aria-disabled={form.busy}>
        Place order
      </button>
      <div className={styles.outcome}>
        <ErrorAlert message={form.alert ?? (outcome?.rejected ? outcome.text : undefined)} />
        <StatusMessage message={outcome && !outcome.rejected ? outcome.text : undefined} />
      </div>
      {refreshError && <p className="muted">Your buying power could not be brought up to date; reload the page to see it.</p>}
    </form>
  );
}

function EstimatedCost({ side, cost, currency }: { side: OrderSide; cost: string | null; currency: string }) {
  const id = useId();
  return (
    <dl className={styles.estimate}>
      <dt id={id}>{side === "BUY" ? "Estimated cost" : "Estimated proceeds"}</dt>
      <dd aria-labelledby={id}>{cost === null ? <span className="muted">Fill in the fields above</span> : formatMoney(cost, currency)}</dd>
    </dl>
  );
}
