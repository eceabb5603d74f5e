/**
 * /stocks/:symbol: the instrument, its quote, its price chart, the watchlist button and the
 * order ticket, from ONE query (stock + quote + the default period's history + me with its
 * trading account's buying power and holdings). Other periods: StockChart. The quote then
 * follows the `quotes` subscription.
 */
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, type CombinedError } from "urql";
import { can, useSessionQuery } from "../app/session";
import { Change } from "../components/Change";
import { failedAt } from "../components/failure";
import { DEFAULT_CHART_PERIOD } from "../components/chart-periods";
import { formatCompactMoney, formatCompactNumber, formatDateTime, formatInstrumentType, formatMoney } from "../components/format";
import { Loading, QueryError } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { graphql } from "../gql";
import type { StockPageQuery } from "../gql/graphql";
import { useLiveQuotes } from "../live/quotes";
import { OrderTicket } from "./OrderTicket";
import styles from "./Stock.module.css";
import { StockChart } from "./StockChart";

const StockPageDocument = graphql(`
  query StockPage($symbol: String!, $period: HistoryPeriod!) {
    me {
      ...Session
      watchlist {
        symbol
      }
      tradingAccount {
        ...TicketAccount
      }
    }
    stock(symbol: $symbol) {
      symbol
      name
      exchange
      exchangeFullName
      currency
      instrumentType
      quote {
        ...FullQuote
      }
      history(period: $period) {
        date
        close
      }
    }
  }
`);

const WatchStockDocument = graphql(`
  mutation WatchStock($symbol: String!) {
    addToWatchlist(symbol: $symbol) {
      symbol
    }
  }
`);

const UnwatchStockDocument = graphql(`
  mutation UnwatchStock($symbol: String!) {
    removeFromWatchlist(symbol: $symbol) {
      symbol
    }
  }
`);

type Stock = NonNullable<StockPageQuery["stock"]>;
type Quote = NonNullable<Stock["quote"]>;

export function StockPage() {
  const { symbol = "" } = useParams();
  // Another symbol starts afresh: its own period, its own watchlist state.
  return <StockView key={symbol} symbol={symbol} />;
}

/** A malformed symbol (BAD_USER_INPUT) is as unknown as one no provider has. */
const isUnknownSymbol = (error: CombinedError | undefined) =>
  !error || (!error.networkError && error.graphQLErrors.every((e) => e.extensions["code"] === "BAD_USER_INPUT"));

function StockView({ symbol }: { symbol: string }) {
  const [result, reexecute] = useSessionQuery({ query: StockPageDocument, variables: { symbol, period: DEFAULT_CHART_PERIOD } });
  const { data, error } = result;
  const stock = data?.stock;
  const liveQuote = useLiveQuotes(stock ? [stock.symbol] : []).get(stock?.symbol ?? "");
  usePageTitle(stock ? `${stock.symbol} ${stock.name}` : symbol.toUpperCase());
  const retry = () => reexecute({ requestPolicy: "network-only" });

  if (!data) return error ? <QueryError error={error} retry={retry} /> : <Loading />;
  // No one signed in: the session is refreshing or sending the visit to /sign-in.
  if (!data.me) return <Loading />;
  if (!stock) return isUnknownSymbol(error) ? <UnknownSymbol symbol={symbol} /> : <QueryError error={error!} retry={retry} />;
  const watched = data.me.watchlist.some((item) => item.symbol === stock.symbol);
  const quote = liveQuote ?? stock.quote;
  return (
    <article className={styles.page}>
      <header className={styles.header}>
        <h1>
          <span className={styles.symbol}>{stock.symbol}</span> <span className={styles.name}>{stock.name}</span>
        </h1>
        <p className="muted">
          {stock.exchangeFullName} · {formatInstrumentType(stock.instrumentType)} · {stock.currency}
        </p>
        <WatchlistToggle symbol={stock.symbol} watched={watched} />
      </header>
      {error && <QueryError error={error} retry={retry} />}
      {quote ? <QuoteFigures quote={quote} currency={stock.currency} /> : <p>No quote is available for {stock.symbol} right now.</p>}
      <StockChart symbol={stock.symbol} currency={stock.currency} history={stock.history} />
      {can(data.me, "trade") && (
        <OrderTicket
          symbol={stock.symbol}
          marketPrice={quote?.price ?? null}
          account={data.me.tradingAccount ?? null}
          unavailable={failedAt(error, "tradingAccount")}
        />
      )}
    </article>
  );
}

function UnknownSymbol({ symbol }: { symbol: string }) {
  return (
    <>
      <h1>Not found</h1>
      <p>
        No stock has the symbol “{symbol}”. <Link to="/search">Search stocks</Link> by symbol or company name.
      </p>
    </>
  );
}

function WatchlistToggle({ symbol, watched: watchedAtLoad }: { symbol: string; watched: boolean }) {
  const [watched, setWatched] = useState(watchedAtLoad);
  const [news, setNews] = useState("");
  const [add, addToWatchlist] = useMutation(WatchStockDocument);
  const [remove, removeFromWatchlist] = useMutation(UnwatchStockDocument);
  const busy = add.fetching || remove.fetching;
  const error = watched ? remove.error : add.error;

  const toggle = async () => {
    // Not disabled while busy: a disabled button drops the keyboard focus.
    if (busy) return;
    const result = watched ? await removeFromWatchlist({ symbol }) : await addToWatchlist({ symbol });
    const list = result.data && ("addToWatchlist" in result.data ? result.data.addToWatchlist : result.data.removeFromWatchlist);
    if (!list) return;
    const now = list.some((item) => item.symbol === symbol);
    setWatched(now);
    setNews(now ? `${symbol} is on your watchlist.` : `${symbol} is off your watchlist.`);
  };

  return (
    <div className={styles.watch}>
      <button type="button" className={watched ? undefined : "primary"} aria-busy={busy} onClick={() => void toggle()}>
        {watched ? "Remove from watchlist" : "Add to watchlist"}
      </button>
      <span role="status" className="muted">
        {news}
      </span>
      {error && <QueryError error={error} />}
    </div>
  );
}

const MARKET_STATE: Record<Quote["marketState"], string> = { PRE: "Pre-market", REGULAR: "Open", POST: "After hours", CLOSED: "Closed" };

function QuoteFigures({ quote, currency }: { quote: Quote; currency: string }) {
  const id = useId();
  const money = (value: number) => formatMoney(value, currency);
  return (
    <section aria-label="Quote" className={styles.quote}>
      <dl className={styles.headline}>
        <div>
          <dt id={`${id}-price`}>Price</dt>
          <dd aria-labelledby={`${id}-price`} className={styles.price}>
            {money(quote.price)}
          </dd>
        </div>
        <div>
          <dt id={`${id}-change`}>Change</dt>
          <dd aria-labelledby={`${id}-change`} className={styles.change}>
            <Change change={quote.change} percent={quote.changePercent} currency={currency} />
          </dd>
        </div>
      </dl>
      {quote.stale && <p className={styles.stale}>Last known quote: the price source is not answering right now.</p>}
      <dl className={styles.figures}>
        <Figure term="Open">{money(quote.open)}</Figure>
        <Figure term="Previous close">{money(quote.previousClose)}</Figure>
        <Figure term="Day range">
          {money(quote.dayLow)} – {money(quote.dayHigh)}
        </Figure>
        <Figure term="52-week range">
          {money(quote.yearLow)} – {money(quote.yearHigh)}
        </Figure>
        <Figure term="Volume">{formatCompactNumber(quote.volume)}</Figure>
        {quote.marketCap !== null && <Figure term="Market cap">{formatCompactMoney(quote.marketCap, currency)}</Figure>}
        <Figure term="Market">{MARKET_STATE[quote.marketState]}</Figure>
        <Figure term="As of">
          <time dateTime={quote.asOf}>{formatDateTime(quote.asOf)}</time> ({quote.source})
        </Figure>
      </dl>
    </section>
  );
}

function Figure({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
