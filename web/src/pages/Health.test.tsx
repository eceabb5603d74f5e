import { render, screen } from "@testing-library/react";
import { fromValue, never } from "wonka";
import { Provider, type Client } from "urql";
import { describe, expect, it } from "vitest";
import { HealthPage } from "./Health";

const clientAnswering = (data: unknown) => ({ executeQuery: () => (data ? fromValue({ data }) : never) }) as unknown as Client;

describe("HealthPage", () => {
  it("shows the platform's status in a status element", async () => {
    render(
      <Provider value={clientAnswering({ health: { status: "ok" } })}>
        <HealthPage />
      </Provider>,
    );
    expect((await screen.findByRole("status")).textContent).toBe("Platform: ok");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Fafnir");
  });
});
