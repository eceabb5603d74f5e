import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { SessionProvider } from "../app/session";
import { SignUpPage } from "./SignUp";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSignUp() {
  render(
    <SessionProvider>
      <MemoryRouter initialEntries={["/sign-up"]}>
        <Routes>
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/" element={<h1>Start page</h1>} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

describe("the sign-up page", () => {
  it("ties each invalid field's message to it and focuses the first", async () => {
    vi.stubGlobal("fetch", vi.fn());
    renderSignUp();
    fill("Email", "ada@example.com");
    fill("Password", "short");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(description(password)).toMatch(/^Password must be at least 8 characters\./);
    expect(description(screen.getByLabelText("First name"))).toBe("Enter your first name.");
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByLabelText("Last name").getAttribute("autocomplete")).toBe("family-name");
  });

  it("shows a taken email on the email field, and the server's field details on theirs", async () => {
    const answers = [
      { status: 400, body: { error: { code: "BAD_REQUEST", message: "Some fields are invalid.", details: [{ field: "password", message: "is too common: choose a less guessable password" }] } } },
      { status: 409, body: { error: { code: "CONFLICT", message: "An account with this email already exists." } } },
    ];
    vi.stubGlobal("fetch", vi.fn(async () => {
      const { status, body } = answers.shift()!;
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    }));
    renderSignUp();
    fill("Email", "ada@example.com");
    fill("Password", "password");
    fill("First name", "Ada");
    fill("Last name", "Lovelace");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(description(screen.getByLabelText("Password"))).toMatch(/^Password is too common/));
    expect(screen.getByRole("alert").textContent).toBe("Some fields are invalid.");

    fill("Password", "a long unusual passphrase");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(description(email)).toBe("An account with this email already exists."));
    expect(document.activeElement).toBe(email);
  });

  it("lands on / once registered", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 201 })));
    renderSignUp();
    fill("Email", "ada@example.com");
    fill("Password", "a long unusual passphrase");
    fill("First name", "Ada");
    fill("Last name", "Lovelace");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByRole("heading", { name: "Start page" });
  });
});
