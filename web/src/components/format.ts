/**
 * Figures as people read them, in their own locale (Intl). Every page formats through
 * here, so a price reads the same on the dashboard, the watchlist and the stock page.
 * `locale` is for tests; the app passes none and gets the browser's.
 */

function currencyFormat(currency: string, locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, ...options });
  } catch {
    // A provider's currency Intl does not know: the bare figure rather than a blank page.
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, ...options });
  }
}

/**
 * A figure to format: a quote's number, or the trading API's Decimal text ("100000.00"),
 * which Intl reads as an exact decimal: money never becomes a binary float on the way.
 */
export type Figure = number | string;

const exact = (value: Figure) => value as number | Intl.StringNumericLiteral;

/** 1234.5 or "1234.50", "USD" -> "$1,234.50" */
export const formatMoney = (value: Figure, currency: string, locale?: string) => currencyFormat(currency, locale, {}).format(exact(value));

/** A change of money, always with its sign: "+$1.20", "-$0.35", "$0.00". */
export const formatSignedMoney = (value: Figure, currency: string, locale?: string) =>
  currencyFormat(currency, locale, { signDisplay: "exceptZero" }).format(exact(value));

/** A price with up to 4 decimals as the trading API keeps them: "231.4567" -> "$231.4567", "231.5000" -> "$231.50". */
export const formatPrice = (value: Figure, currency: string, locale?: string) =>
  currencyFormat(currency, locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(exact(value));

/** A share quantity without trailing zeros: "10.0000" -> "10", "1000.5" -> "1,000.5". */
export const formatQuantity = (value: Figure, locale?: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(exact(value));

/** Large sums shortly: 3.67e12, "USD" -> "$3.67T". */
export const formatCompactMoney = (value: number, currency: string, locale?: string) =>
  currencyFormat(currency, locale, { notation: "compact", maximumFractionDigits: 2 }).format(value);

/** The API's percent figures are already in percent (1.5 means 1.5 %): "+1.50%". */
export const formatPercent = (percent: number, locale?: string) =>
  new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(
    percent / 100,
  );

/** Share counts shortly: 30120400 -> "30.12M". */
export const formatCompactNumber = (value: number, locale?: string) =>
  new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 2 }).format(value);

/** An instant (ISO-8601) in the reader's time zone: "Dec 1, 2026, 3:04 PM". */
export const formatDateTime = (iso: string, locale?: string, timeZone?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));

/** A trading day (YYYY-MM-DD) as written, whatever the reader's time zone: "Dec 1, 2026". */
export const formatTradingDay = (date: string, locale?: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

const INSTRUMENT_TYPES: Record<string, string> = {
  EQUITY: "Stock",
  ETF: "ETF",
  INDEX: "Index",
  MUTUALFUND: "Mutual fund",
  CRYPTOCURRENCY: "Cryptocurrency",
  CURRENCY: "Currency",
  FUTURE: "Future",
  OTHER: "Other",
};

/** The schema's InstrumentType in words ("EQUITY" -> "Stock"). */
export const formatInstrumentType = (type: string) => INSTRUMENT_TYPES[type] ?? type;
