/**
 * The instruments of the local seed (../shared/contract/seed.md): dev, tests and
 * benchmarks run on these offline. Type imports only: `npm run seed` reads this file from Node.
 */
import type { Instrument } from "../contract";

const NASDAQ = { exchange: "NASDAQ", exchangeFullName: "NASDAQ Global Select", currency: "USD" };
const NYSE = { exchange: "NYSE", exchangeFullName: "New York Stock Exchange", currency: "USD" };
const ARCA = { exchange: "NYSEARCA", exchangeFullName: "NYSE Arca", currency: "USD" };

const equity = (market: typeof NASDAQ, symbol: string, name: string): Instrument => ({
  symbol,
  name,
  ...market,
  instrumentType: "EQUITY",
});
const etf = (market: typeof NASDAQ, symbol: string, name: string): Instrument => ({
  symbol,
  name,
  ...market,
  instrumentType: "ETF",
});

export const seedInstruments: Instrument[] = [
  equity(NASDAQ, "AAPL", "Apple Inc."),
  equity(NASDAQ, "MSFT", "Microsoft Corporation"),
  equity(NASDAQ, "TSLA", "Tesla, Inc."),
  equity(NASDAQ, "AMZN", "Amazon.com, Inc."),
  equity(NASDAQ, "GOOGL", "Alphabet Inc. Class A"),
  equity(NASDAQ, "GOOG", "Alphabet Inc. Class C"),
  equity(NASDAQ, "META", "Meta Platforms, Inc."),
  equity(NASDAQ, "NVDA", "NVIDIA Corporation"),
  equity(NASDAQ, "NFLX", "Netflix, Inc."),
  equity(NASDAQ, "AMD", "Advanced Micro Devices, Inc."),
  equity(NASDAQ, "INTC", "Intel Corporation"),
  equity(NASDAQ, "ADBE", "Adobe Inc."),
  equity(NASDAQ, "CSCO", "Cisco Systems, Inc."),
  equity(NASDAQ, "PEP", "PepsiCo, Inc."),
  equity(NASDAQ, "COST", "Costco Wholesale Corporation"),
  equity(NASDAQ, "AVGO", "Broadcom Inc."),
  equity(NASDAQ, "QCOM", "QUALCOMM Incorporated"),
  equity(NASDAQ, "TXN", "Texas Instruments Incorporated"),
  equity(NASDAQ, "PYPL", "PayPal Holdings, Inc."),
  equity(NASDAQ, "SBUX", "Starbucks Corporation"),
  equity(NASDAQ, "ABNB", "Airbnb, Inc."),
  equity(NASDAQ, "PLTR", "Palantir Technologies Inc."),
  equity(NYSE, "JPM", "JPMorgan Chase & Co."),
  equity(NYSE, "V", "Visa Inc."),
  equity(NYSE, "MA", "Mastercard Incorporated"),
  equity(NYSE, "BAC", "Bank of America Corporation"),
  equity(NYSE, "WMT", "Walmart Inc."),
  equity(NYSE, "JNJ", "Johnson & Johnson"),
  equity(NYSE, "PG", "The Procter & Gamble Company"),
  equity(NYSE, "XOM", "Exxon Mobil Corporation"),
  equity(NYSE, "CVX", "Chevron Corporation"),
  equity(NYSE, "KO", "The Coca-Cola Company"),
  equity(NYSE, "DIS", "The Walt Disney Company"),
  equity(NYSE, "NKE", "NIKE, Inc."),
  equity(NYSE, "MCD", "McDonald's Corporation"),
  equity(NYSE, "HD", "The Home Depot, Inc."),
  equity(NYSE, "UNH", "UnitedHealth Group Incorporated"),
  equity(NYSE, "PFE", "Pfizer Inc."),
  equity(NYSE, "MRK", "Merck & Co., Inc."),
  equity(NYSE, "ORCL", "Oracle Corporation"),
  equity(NYSE, "CRM", "Salesforce, Inc."),
  equity(NYSE, "IBM", "International Business Machines Corporation"),
  equity(NYSE, "GS", "The Goldman Sachs Group, Inc."),
  equity(NYSE, "BA", "The Boeing Company"),
  equity(NYSE, "CAT", "Caterpillar Inc."),
  equity(NYSE, "UBER", "Uber Technologies, Inc."),
  equity(NYSE, "SHOP", "Shopify Inc."),
  equity(NYSE, "BRK.B", "Berkshire Hathaway Inc. Class B"),
  etf(ARCA, "SPY", "SPDR S&P 500 ETF Trust"),
  etf(ARCA, "IWM", "iShares Russell 2000 ETF"),
  etf(ARCA, "DIA", "SPDR Dow Jones Industrial Average ETF Trust"),
  etf(ARCA, "VTI", "Vanguard Total Stock Market ETF"),
  etf(ARCA, "VOO", "Vanguard S&P 500 ETF"),
  etf(ARCA, "GLD", "SPDR Gold Shares"),
  etf(NASDAQ, "QQQ", "Invesco QQQ Trust"),
];
