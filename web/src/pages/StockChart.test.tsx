import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { CombinedError, Provider, type Client } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StockChart } from "./StockChart";

// The canvas chart is the library's; what is tested here is which history it gets.
vi.mock("../components/PriceChart", () => ({
  PriceChart: ({ label, busy }: { label: string; busy: boolean }) => <div role="img" aria-label={label} aria-busy={busy} />,
}));

afterEach(cleanup);

interface Answer {
  data?: { stock: { symbol: string; history: { date: string; close: number }[] } | null };
  error?: Error;
}

/** A client whose history answers the test hands out one at a time, by period. */
function fakeClient() {
  const pending = new Map<string, (answer: Answer) => void>();
  const query = vi.fn((_document: unknown, variables: { period: string }) => ({
    toPromise: () => new Promise<Answer>((resolve) => pending.set(variables.period, resolve)),
  }));
  const answer = async (period: string, close: number) =>
    act(async () => pending.get(period)!({ data: { stock: { symbol: "AAPL", history: [{ date: "2026-12-01", close }] } } }));
  return { client: { query } as unknown as Client, query, answer };
}

const history = [
  { date: "2026-11-02", close: 200 },
  { date: "2026-12-01", close: 210 },
];

async function renderChart(client: Client) {
  render(
    <Provider value={client}>
      <StockChart symbol="AAPL" currency="USD" history={history} />
    </Provider>,
  );
  return screen.findByRole("img", { name: /price chart/ });
}

const press = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
const pressed = () => screen.getAllByRole("button", { pressed: true }).map((b) => b.textContent);

describe("StockChart", () => {
  it("opens on 1M from the page's query, asking for nothing", async () => {
    const { client, query } = fakeClient();
    const chart = await renderChart(client);
    expect(pressed()).toEqual(["1M"]);
    expect(chart.getAttribute("aria-label")).toMatch(/^AAPL price chart, 1 month: 2 daily closes/);
    expect(query).not.toHaveBeenCalled();
  });

  it("asks for another period once, shows it when it comes, and goes back without asking", async () => {
    const { client, query, answer } = fakeClient();
    const chart = await renderChart(client);
    press("5D");
    expect(pressed()).toEqual(["5D"]);
    expect(chart.getAttribute("aria-busy")).toBe("true");
    expect(query).toHaveBeenCalledWith(expect.anything(), { symbol: "AAPL", period: "FIVE_DAYS" });
    await answer("FIVE_DAYS", 212);
    expect(chart.getAttribute("aria-label")).toMatch(/5 days: closed at \$212\.00/);
    expect(chart.getAttribute("aria-busy")).toBe("false");
    press("1M");
    press("5D");
    expect(chart.getAttribute("aria-label")).toMatch(/5 days/);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it("shows the period chosen last, whichever answer comes first", async () => {
    const { client, answer } = fakeClient();
    const chart = await renderChart(client);
    press("1Y");
    press("6M");
    await answer("SIX_MONTHS", 150);
    await answer("ONE_YEAR", 120);
    expect(pressed()).toEqual(["6M"]);
    expect(chart.getAttribute("aria-label")).toMatch(/6 months: closed at \$150\.00/);
    press("1Y");
    expect(chart.getAttribute("aria-label")).toMatch(/1 year: closed at \$120\.00/);
  });

  it("says so in an alert when a period cannot be loaded, keeping the last chart", async () => {
    const query = vi.fn(() => ({ toPromise: () => Promise.resolve({ error: new CombinedError({ networkError: new Error("offline") }) }) }));
    const chart = await renderChart({ query } as unknown as Client);
    await act(async () => press("5Y"));
    expect(screen.getByRole("alert").textContent).toMatch(/cannot be reached/);
    expect(chart.getAttribute("aria-label")).toMatch(/1 month/);
    expect(chart.getAttribute("aria-busy")).toBe("false");
    await act(async () => press("Try again"));
    expect(query).toHaveBeenCalledTimes(2);
  });
});
