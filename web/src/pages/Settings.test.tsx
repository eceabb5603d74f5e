import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { CombinedError, Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { SessionProvider, type Session } from "../app/session";
import { SettingsPage } from "./Settings";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me: Session = {
  id: "u1",
  email: "ada@example.com",
  roles: ["member"],
  permissions: [],
  profile: { firstName: "Ada", lastName: "Lovelace" },
};

function renderSettings(mutationAnswer: { data?: unknown; error?: CombinedError }, viewer: unknown = me) {
  const mutations: unknown[] = [];
  const client = {
    executeQuery: (operation: unknown) => fromValue({ operation, data: { me: viewer }, stale: false, hasNext: false }),
    executeMutation: (operation: { variables: unknown }) => {
      mutations.push(operation.variables);
      return fromValue({ operation, ...mutationAnswer, stale: false, hasNext: false });
    },
  } as unknown as Client;
  render(
    <SessionProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={["/settings"]}>
          <Routes>
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/" element={<h1>Start page</h1>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </SessionProvider>,
  );
  return mutations;
}

const authAnswer = (status: number, body?: unknown) =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));

describe("the settings page", () => {
  it("saves the profile and says so in a status", async () => {
    const mutations = renderSettings({ data: { updateProfile: { firstName: "Grace", lastName: "Hopper" } } });
    const form = await screen.findByRole("form", { name: "Profile" });
    expect((within(form).getByLabelText("First name") as HTMLInputElement).value).toBe("Ada");
    fireEvent.change(within(form).getByLabelText("First name"), { target: { value: " Grace " } });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(within(form).getByRole("status").textContent).toBe("Your profile has been saved."));
    expect(mutations).toEqual([{ input: { firstName: "Grace", lastName: "Lovelace" } }]);
  });

  it("puts the server's BAD_USER_INPUT on its field", async () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: "input.lastName: must not contain control characters", extensions: { code: "BAD_USER_INPUT", argument: "input.lastName" } }],
    });
    renderSettings({ error });
    const form = await screen.findByRole("form", { name: "Profile" });
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    const lastName = within(form).getByLabelText("Last name");
    await waitFor(() => expect(lastName.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(lastName.getAttribute("aria-describedby")!)?.textContent).toBe("Last name must not contain control characters.");
  });

  it("changes the password (status) and shows a wrong current password in an alert", async () => {
    renderSettings({});
    const form = await screen.findByRole("form", { name: "Password" });
    vi.stubGlobal("fetch", authAnswer(401, { error: { code: "INVALID_CREDENTIALS", message: "The email or password is incorrect." } }));
    fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "wrong" } });
    fireEvent.change(screen.getByLabelText("New password"), { target: { value: "a new long passphrase" } });
    fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("The email or password is incorrect.");
    vi.stubGlobal("fetch", authAnswer(204));
    fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(within(form).getByRole("status").textContent).toMatch(/^Your password has been changed/));
    expect((screen.getByLabelText("Current password") as HTMLInputElement).value).toBe("");
  });

  it("asks for the password before deleting the account, and shows the last-admin refusal", async () => {
    renderSettings({});
    fireEvent.click(await screen.findByRole("button", { name: "Delete account" }));
    const dialog = screen.getByRole("dialog", { name: "Delete your account?" });
    const fetch = authAnswer(409, { error: { code: "CONFLICT", message: "You are the last admin: make another admin before deleting your account." } });
    vi.stubGlobal("fetch", fetch);
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, delete my account" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Password").getAttribute("aria-invalid")).toBe("true"));
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText("Password"), { target: { value: "a long passphrase" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, delete my account" }));
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(/last admin/);
    vi.stubGlobal("fetch", authAnswer(204));
    fireEvent.click(within(dialog).getByRole("button", { name: "Yes, delete my account" }));
    await screen.findByRole("heading", { name: "Start page" });
  });

  it("shows the leaderboard switch to traders and turns it on and off", async () => {
    const trader = { ...me, permissions: ["trade"], tradingAccount: { id: "a1", onLeaderboard: false } };
    const mutations = renderSettings({ data: { setLeaderboardVisibility: { id: "a1", onLeaderboard: true } } }, trader);
    const toggle = await screen.findByRole("switch", { name: "Show me on the leaderboard" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("true"));
    expect(mutations).toEqual([{ visible: true }]);
    expect(screen.getByRole("region", { name: "Leaderboard" }).querySelector('[role="status"]')?.textContent).toMatch(/^You are on the leaderboard/);
  });

  it("disables the leaderboard switch without a paper-trading account, and says why", async () => {
    const mutations = renderSettings({}, { ...me, permissions: ["trade"], tradingAccount: null });
    const toggle = await screen.findByRole("switch", { name: "Show me on the leaderboard", description: /Open yours on the dashboard first/ });
    expect((toggle as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(toggle);
    expect(mutations).toEqual([]);
  });

  it("has no leaderboard switch for an account that cannot trade", async () => {
    renderSettings({});
    await screen.findByRole("form", { name: "Profile" });
    expect(screen.queryByRole("switch")).toBeNull();
  });
});
