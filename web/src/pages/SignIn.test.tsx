import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { SessionProvider } from "../app/session";
import { SignInPage } from "./SignIn";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async (_url: string, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } }));

function renderAt(path: string) {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/settings" element={<h1>Settings page</h1>} />
          <Route path="/" element={<h1>Start page</h1>} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("the sign-in page", () => {
  it("checks the fields before asking the server, and focuses the first invalid one", async () => {
    const fetch = answer(200, {});
    vi.stubGlobal("fetch", fetch);
    renderAt("/sign-in");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: "Create an account" }).getAttribute("href")).toBe("/sign-up");
  });

  it("shows the server's refusal in an alert", async () => {
    vi.stubGlobal("fetch", answer(401, { error: { code: "INVALID_CREDENTIALS", message: "The email or password is incorrect." } }));
    renderAt("/sign-in");
    fillAndSubmit("ada@example.com", "wrong password");
    expect((await screen.findByRole("alert")).textContent).toBe("The email or password is incorrect.");
  });

  it("says when to try again once rate limited", async () => {
    vi.stubGlobal("fetch", answer(429, { error: { code: "RATE_LIMITED", message: "Too many attempts. Try again later." } }, { "retry-after": "90" }));
    renderAt("/sign-in");
    fillAndSubmit("ada@example.com", "wrong password");
    expect((await screen.findByRole("alert")).textContent).toBe("Too many attempts. Try again later. You can try again in about 2 minutes.");
  });

  it("goes to next after signing in, with the email trimmed", async () => {
    const fetch = answer(200, {});
    vi.stubGlobal("fetch", fetch);
    renderAt("/sign-in?next=%2Fsettings");
    fillAndSubmit("  ada@example.com ", "a long passphrase");
    await screen.findByRole("heading", { name: "Settings page" });
    expect(JSON.parse(fetch.mock.calls[0]![1]!.body as string)).toEqual({ email: "ada@example.com", password: "a long passphrase" });
  });

  it("ignores a next that leaves the origin", async () => {
    vi.stubGlobal("fetch", answer(200, {}));
    renderAt("/sign-in?next=%2F%2Fevil.example");
    fillAndSubmit("ada@example.com", "a long passphrase");
    await screen.findByRole("heading", { name: "Start page" });
  });
});
