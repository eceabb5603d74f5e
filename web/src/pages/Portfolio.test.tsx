import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { CombinedError, Provider, type Client } from "urql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fromValue } from "wonka";
import { SessionProvider } from "../app/session";
import { PortfolioPage } from "./Portfolio";

// The canvas chart is the library's; what is tested here is the page around it.
vi.mock("../components/PriceChart", () => ({
  PriceChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(cleanup);

const account = (cash: string) => ({
  id: "a1",
  currency: "USD",
  cash,
  buyingPower: cash,
  equity: cash,
  netDeposits: "100000.00",
  totalReturn: "0.00",
  totalReturnPercent: 0,
  realizedPnl: "0.00",
  unrealizedPnl: "0.00",
  onLeaderboard: false,
  positions: [],
  equityHistory: [{ date: "2026-12-01", equity: cash }],
});

const me = (tradingAccount: object | null) => ({
  id: "u1",
  email: "ada@example.com",
  roles: ["member"],
  permissions: ["trade"],
  profile: { firstName: "Ada", lastName: "Lovelace" },
  tradingAccount,
});

type Answer = { data?: unknown; error?: CombinedError };

function renderPortfolio(loaded: object | null, answers: Record<string, Answer>) {
  const sent: { name: string; variables: unknown }[] = [];
  const client = {
    executeQuery: (operation: unknown) => fromValue({ operation, data: { me: me(loaded) }, stale: false, hasNext: false }),
    executeMutation: (operation: { variables: unknown; query: { definitions: { name?: { value: string } }[] } }) => {
      const name = operation.query.definitions[0]!.name!.value;
      sent.push({ name, variables: operation.variables });
      return fromValue({ operation, ...answers[name], stale: false, hasNext: false });
    },
  } as unknown as Client;
  render(
    <SessionProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={["/portfolio"]}>
          <PortfolioPage />
        </MemoryRouter>
      </Provider>
    </SessionProvider>,
  );
  return sent;
}

describe("the portfolio page", () => {
  it("opens the account from its own page, then shows its figures", async () => {
    renderPortfolio(null, { OpenPortfolioAccount: { data: { openTradingAccount: account("100000.00") } } });
    fireEvent.click(await screen.findByRole("button", { name: "Open paper account" }));
    await waitFor(() => expect(screen.getByLabelText("Cash").textContent).toBe("$100,000.00"));
    expect(screen.getByRole("status").textContent).toBe("Your paper-trading account is open.");
    await screen.findByRole("img", { name: /^Equity chart, 1 month: \$100,000\.00 on Dec 1, 2026$/ });
    expect(screen.getByText("No positions yet.", { exact: false })).toBeTruthy();
  });

  it("asks the deposit's amount in a dialog: its rule first, then the server's words on the field, then the new cash", async () => {
    const refusal = new CombinedError({
      graphQLErrors: [{ message: "amount: would take cash beyond 10000000.00", extensions: { code: "BAD_USER_INPUT", argument: "amount" } }],
    });
    const answers: Record<string, Answer> = { Deposit: { error: refusal } };
    const sent = renderPortfolio(account("100000.00"), answers);
    fireEvent.click(await screen.findByRole("button", { name: "Deposit" }));
    const dialog = screen.getByRole("dialog", { name: "Deposit paper cash" });
    fireEvent.change(within(dialog).getByLabelText("Amount"), { target: { value: "12.345" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm deposit" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Amount").getAttribute("aria-invalid")).toBe("true"));
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText("Amount"), { target: { value: "1000000" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm deposit" }));
    await within(dialog).findByRole("textbox", { name: "Amount", description: /^Amount would take cash beyond 10000000\.00\./ });

    answers["Deposit"] = { data: { deposit: account("100500.00") } };
    fireEvent.change(within(dialog).getByLabelText("Amount"), { target: { value: "500" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm deposit" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Deposited $500.00. Cash is now $100,500.00."));
    expect(screen.getByLabelText("Cash").textContent).toBe("$100,500.00");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(sent.map((s) => s.variables)).toEqual([
      { amount: "1000000", period: "ONE_MONTH" },
      { amount: "500", period: "ONE_MONTH" },
    ]);
  });

  it("resets only once confirmed", async () => {
    const sent = renderPortfolio(account("5.00"), { ResetAccount: { data: { resetTradingAccount: account("100000.00") } } });
    fireEvent.click(await screen.findByRole("button", { name: "Reset account" }));
    fireEvent.click(within(screen.getByRole("dialog", { name: "Reset your account?" })).getByRole("button", { name: "Cancel" }));
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Reset account" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, reset my account" }));
    await waitFor(() => expect(screen.getByLabelText("Cash").textContent).toBe("$100,000.00"));
    expect(sent.map((s) => s.name)).toEqual(["ResetAccount"]);
  });
});
