/**
 * The account pages in Chromium against the real platform (web.md): sign-up, sign-in (by
 * mouse and by keyboard alone), the way back after signing in, settings, admin users and
 * signing out, each state audited by axe and photographed. Needs
 * `npx vite build -c web/vite.config.ts` first. Prints the requests each page load cost.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, signUpAdmin } from "../../workers/gateway/test/support/graphql-client.ts";
import { apiRequests, auditPage, openWebSession, signInThroughForm, type WebSession } from "./support/browser.ts";

const PASSWORD = "a long unusual passphrase 42";
let web: WebSession;
const requests: { page: string; graphql: number; auth: string[] }[] = [];

beforeAll(async () => {
  web = await openWebSession();
}, 180_000);

afterAll(async () => {
  console.table(requests.map((r) => ({ page: r.page, "POST /graphql": r.graphql, "/auth/*": r.auth.join(" ") || "-" })));
  await web?.stop();
});

/** Password hashing on a busy machine takes seconds: assertions wait that long. */
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000, interval: 100 });

/** Loads a page (or runs a step) and records the GraphQL and auth requests it cost. */
async function measure(page: Page, name: string, step: () => Promise<unknown>): Promise<void> {
  const { graphql, auth } = await apiRequests(page, step);
  requests.push({ page: name, graphql, auth });
}

const audited = async (page: Page, name: string) => expect(await auditPage(page, name)).toEqual([]);

const signInWith = (page: Page, email: string, password = PASSWORD, path?: string) => signInThroughForm(page, web.origin, email, password, path);

async function freshPage(): Promise<Page> {
  return (await web.newContext()).page;
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

describe("account pages in the browser", () => {
  it("signs up: invalid fields say why beside themselves, the server's refusals too, then / signed in", async () => {
    const page = await freshPage();
    await measure(page, "/sign-up", () => page.goto(`${web.origin}/sign-up`));
    await poll(() => page.title()).toBe("Create account · Fafnir");
    await audited(page, "sign-up");

    await page.getByRole("button", { name: "Create account" }).click();
    const email = page.getByLabel("Email");
    await poll(() => email.evaluate((e) => e === document.activeElement)).toBe(true);
    await poll(() => email.getAttribute("aria-invalid")).toBe("true");
    expect(await email.evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent)).toBe("Email");
    await expectDescription(page, "Email", "Enter your email address.");
    await expectDescription(page, "Password", "Password must be at least 8 characters.");
    await expectDescription(page, "First name", "Enter your first name.");
    await expectDescription(page, "Last name", "Enter your last name.");
    await audited(page, "sign-up-invalid-fields");

    // The server's own rule (a common password) lands on the password field.
    const address = `web-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await email.fill(address);
    await page.getByLabel("Password").fill("password");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await measure(page, "/sign-up (server refuses the password)", () => page.getByRole("button", { name: "Create account" }).click());
    await expectDescription(page, "Password", /too common/);
    await audited(page, "sign-up-server-refusal");

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${web.origin}/`);
    const cookies = (await page.context().cookies()).map((c) => c.name);
    expect(cookies).toEqual(expect.arrayContaining(["fafnir_access", "fafnir_csrf"]));
    await page.goto(`${web.origin}/settings`);
    await poll(() => page.getByLabel("First name").inputValue()).toBe("Ada");
    await mainNav(page).getByRole("button", { name: "Sign out" }).waitFor();

    // The same email again: the conflict shows on the email field.
    const again = await freshPage();
    await again.goto(`${web.origin}/sign-up`);
    await again.getByLabel("Email").fill(address.toUpperCase());
    await again.getByLabel("Password").fill(PASSWORD);
    await again.getByLabel("First name").fill("Ada");
    await again.getByLabel("Last name").fill("Again");
    await again.getByRole("button", { name: "Create account" }).click();
    await expectDescription(again, "Email", "An account with this email already exists.");
    await poll(() => again.getByLabel("Email").evaluate((e) => e === document.activeElement)).toBe(true);
    await audited(again, "sign-up-email-taken");
  });

  it("signs in: a wrong password shows the server's alert, the right one lands on /", async () => {
    const user = await signUp(web.platform, "web-sign-in");
    const page = await freshPage();
    await measure(page, "/sign-in", () => page.goto(`${web.origin}/sign-in`));
    await audited(page, "sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await measure(page, "/sign-in (wrong password)", () => page.getByRole("button", { name: "Sign in" }).click());
    await poll(() => page.getByRole("alert").textContent()).toBe("The email or password is incorrect.");
    await audited(page, "sign-in-wrong-password");
    await page.getByLabel("Password").fill(PASSWORD);
    await measure(page, "/sign-in (right password) → /", async () => {
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${web.origin}/`);
    });
  });

  it("sends a signed-out visit to /settings through /sign-in and back", async () => {
    const user = await signUp(web.platform, "web-next");
    const page = await freshPage();
    await measure(page, "/settings signed out → /sign-in?next=", async () => {
      await page.goto(`${web.origin}/settings`);
      await page.waitForURL(`${web.origin}/sign-in?next=%2Fsettings`);
    });
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${web.origin}/settings`);
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();

    // A next that would leave the origin is ignored.
    const other = await freshPage();
    await signInWith(other, user.email, PASSWORD, "/sign-in?next=%2F%2Fevil.example%2F");
    await other.waitForURL(`${web.origin}/`);
  });

  it("signs in by keyboard alone (Tab, typing, Enter)", async () => {
    const user = await signUp(web.platform, "web-keyboard");
    const page = await freshPage();
    await page.goto(`${web.origin}/sign-in`);
    // The load event can come before React's first render: wait for the form, not the page.
    await page.getByLabel("Email").waitFor();
    await page.keyboard.press("Tab"); // the brand link
    await page.keyboard.press("Tab");
    expect(await page.getByLabel("Email").evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.screenshot({ path: "dist/web-screenshots/sign-in-keyboard.png" });
    await page.keyboard.press("Enter");
    await page.waitForURL(`${web.origin}/`);
  });

  it("settings: saves the profile, changes the password, signs out everywhere, deletes the account", async () => {
    const user = await signUp(web.platform, "web-settings");
    const page = await freshPage();
    await signInWith(page, user.email);
    await page.waitForURL(`${web.origin}/`);
    await measure(page, "/settings", () => page.goto(`${web.origin}/settings`));
    await poll(() => page.getByLabel("First name").inputValue()).toBe("Test");
    await audited(page, "settings");

    await page.getByLabel("First name").fill("   ");
    await page.getByRole("button", { name: "Save" }).click();
    await expectDescription(page, "First name", "Enter your first name.");
    await page.getByLabel("Current password").fill("");
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expectDescription(page, "Current password", "Enter your current password.");
    await expectDescription(page, "New password", /New password must be at least 8 characters/);
    await audited(page, "settings-invalid-fields");

    await page.getByLabel("First name").fill("Grace");
    await page.getByLabel("Last name").fill("Hopper");
    await measure(page, "/settings Save", () => page.getByRole("button", { name: "Save" }).click());
    await poll(() => statusText(page, "Profile")).toBe("Your profile has been saved.");

    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password").fill("another long passphrase 43");
    await page.getByRole("button", { name: "Change password" }).click();
    await poll(() => page.getByRole("alert").textContent()).toBe("The email or password is incorrect.");
    await audited(page, "settings-wrong-current-password");
    await page.getByLabel("Current password").fill(PASSWORD);
    await measure(page, "/settings Change password", () => page.getByRole("button", { name: "Change password" }).click());
    await poll(() => statusText(page, "Password")).toMatch(/^Your password has been changed/);
    await audited(page, "settings-saved");

    await page.reload();
    await poll(() => page.getByLabel("First name").inputValue()).toBe("Grace");
    await mainNav(page).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${web.origin}/`);
    await signInWith(page, user.email, "another long passphrase 43");
    await page.waitForURL(`${web.origin}/`);

    // Everywhere: a second browser's session ends too.
    const second = await freshPage();
    await signInWith(second, user.email, "another long passphrase 43");
    await second.waitForURL(`${web.origin}/`);
    await page.goto(`${web.origin}/settings`);
    await measure(page, "/settings Sign out everywhere", async () => {
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await page.waitForURL(`${web.origin}/`);
    });
    await second.goto(`${web.origin}/settings`);
    await second.waitForURL(`${web.origin}/sign-in?next=%2Fsettings`);

    await signInWith(page, user.email, "another long passphrase 43", "/sign-in?next=%2Fsettings");
    await page.waitForURL(`${web.origin}/settings`);
    await page.getByRole("button", { name: "Delete account" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.waitFor();
    await poll(() => dialog.getByLabel("Password").evaluate((e) => e === document.activeElement)).toBe(true);
    await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
    await expectDescription(page, "Password", "Enter your password.", dialog);
    await dialog.getByLabel("Password").fill("not the password");
    await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
    await poll(() => dialog.getByRole("alert").textContent()).toBe("The email or password is incorrect.");
    await audited(page, "settings-delete-dialog-refused");
    await page.keyboard.press("Escape");
    await poll(() => dialog.count()).toBe(0);
    await poll(() => page.getByRole("button", { name: "Delete account" }).evaluate((e) => e === document.activeElement)).toBe(true);

    await page.getByRole("button", { name: "Delete account" }).click();
    await dialog.getByLabel("Password").fill("another long passphrase 43");
    await measure(page, "/settings Delete account", async () => {
      await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
      await page.waitForURL(`${web.origin}/`);
    });
    await signInWith(page, user.email, "another long passphrase 43");
    await poll(() => page.getByRole("alert").textContent()).toBe("The email or password is incorrect.");
  });

  it("admin users: a table of users paged both ways, admin granted and revoked, the last admin kept", async () => {
    // More than a page of users, then the one whose admin role changes, then the admin (newest first).
    await Promise.all(Array.from({ length: 12 }, () => signUp(web.platform, "web-many")));
    const member = await signUp(web.platform, "web-promoted");
    const admin = await signUpAdmin(web.platform);
    const page = await freshPage();
    await signInWith(page, admin.email);
    await page.waitForURL(`${web.origin}/`);
    await measure(page, "/admin/users (admin)", () => page.goto(`${web.origin}/admin/users`));
    const table = page.getByRole("table", { name: "Users" });
    await table.waitFor();
    await mainNav(page).getByRole("link", { name: "Users" }).waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["Email", "Name", "Roles", "Joined", "Admin"]);
    expect(await table.getByRole("row").count()).toBe(11);
    await poll(() => table.getByRole("row").nth(1).getByRole("rowheader").textContent()).toBe(admin.email);
    const previous = page.getByRole("button", { name: "Previous page" });
    const next = page.getByRole("button", { name: "Next page" });
    expect(await previous.isDisabled()).toBe(true);
    expect(await next.isDisabled()).toBe(false);
    await audited(page, "admin-users");

    const firstPage = await table.getByRole("rowheader").allTextContents();
    await measure(page, "/admin/users Next page", () => next.click());
    await poll(async () => (await table.getByRole("rowheader").allTextContents())[0]).not.toBe(firstPage[0]);
    const secondPage = await table.getByRole("rowheader").allTextContents();
    expect(secondPage.some((email) => firstPage.includes(email))).toBe(false);
    expect(await previous.isDisabled()).toBe(false);
    await audited(page, "admin-users-page-2");
    while (!(await next.isDisabled())) await next.click();
    await previous.click();
    while (!(await previous.isDisabled())) await previous.click();
    await poll(() => table.getByRole("rowheader").allTextContents()).toEqual(firstPage);

    await measure(page, "/admin/users Grant admin", () => page.getByRole("button", { name: `Grant admin to ${member.email}` }).click());
    await page.getByRole("button", { name: `Revoke admin from ${member.email}` }).waitFor();
    await page.getByRole("button", { name: `Revoke admin from ${member.email}` }).click();
    await page.getByRole("button", { name: `Grant admin to ${member.email}` }).waitFor();

    await page.getByRole("button", { name: `Revoke admin from ${admin.email}` }).click();
    await poll(() => page.getByRole("alert").textContent()).toMatch(/admin/i);
    await audited(page, "admin-users-last-admin");

    // Nor may the last admin delete their account.
    await page.goto(`${web.origin}/settings`);
    await page.getByRole("button", { name: "Delete account" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Yes, delete my account" }).click();
    await poll(() => dialog.getByRole("alert").textContent()).toBe("You are the last admin: make another admin before deleting your account.");
    await audited(page, "settings-delete-last-admin");
  });

  it("tells a member that the users page is not allowed", async () => {
    const member = await signUp(web.platform, "web-member");
    const page = await freshPage();
    await signInWith(page, member.email);
    await page.waitForURL(`${web.origin}/`);
    await measure(page, "/admin/users (member)", () => page.goto(`${web.origin}/admin/users`));
    await page.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
    expect(await mainNav(page).getByRole("link", { name: "Users" }).count()).toBe(0);
    await audited(page, "admin-users-not-allowed");
  });

  it("shows Page not found for unknown paths, signed out and signed in; Sign out ends the session", async () => {
    const page = await freshPage();
    await measure(page, "/no/such/page (signed out)", () => page.goto(`${web.origin}/no/such/page`));
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await mainNav(page).count()).toBe(0);
    await audited(page, "not-found-signed-out");

    const user = await signUp(web.platform, "web-sign-out");
    await signInWith(page, user.email);
    await page.waitForURL(`${web.origin}/`);
    await page.goto(`${web.origin}/settings`);
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await measure(page, "/no/such/page (signed in)", () => page.goto(`${web.origin}/no/such/page`));
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    // A signed-in person keeps the way back.
    await mainNav(page).getByRole("link", { name: "Dashboard" }).waitFor();
    await audited(page, "not-found-signed-in");

    await page.goto(`${web.origin}/settings`);
    await measure(page, "Sign out", async () => {
      await mainNav(page).getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${web.origin}/`);
    });
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("fafnir_access");
    await page.goto(`${web.origin}/settings`);
    await page.waitForURL(`${web.origin}/sign-in?next=%2Fsettings`);
  });

  it("stayed on the origin and logged no console error", () => {
    expect(web.offOrigin).toEqual([]);
    console.log("the auth API's refusals (Chromium logs them as console errors):", web.authRefusals);
    expect(web.consoleErrors).toEqual([]);
    for (const refusal of web.authRefusals) expect(refusal).toMatch(/^\/auth\/(login|register|password|account|refresh): /);
  });
});

/** The accessible description of the field labelled `label` (its hint and error, via aria-describedby). */
async function expectDescription(page: Page, label: string, expected: string | RegExp, scope: Pick<Page, "getByLabel"> = page) {
  const field = scope.getByLabel(label, { exact: true });
  await expect
    .poll(() =>
      field.evaluate((element) =>
        (element.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      ),
    )
    .toMatch(typeof expected === "string" ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : expected);
  expect(await field.getAttribute("aria-invalid")).toBe("true");
}

/** The role=status text of the form named by its heading. */
const statusText = (page: Page, form: string) => page.getByRole("form", { name: form }).getByRole("status").textContent();
