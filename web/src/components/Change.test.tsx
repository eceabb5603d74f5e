import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Change, directionOf } from "./Change";

afterEach(cleanup);

describe("Change", () => {
  it("takes its direction from the percent as shown", () => {
    expect(directionOf(0.52)).toBe("up");
    expect(directionOf(-1)).toBe("down");
    expect(directionOf(0.004)).toBe("flat");
    expect(directionOf(-0.004)).toBe("flat");
  });

  it("says the direction in text (sign and arrow), not by colour alone", () => {
    const { container } = render(<Change change={-1.2} percent={-0.52} currency="USD" />);
    expect(container.textContent).toMatch(/^▼ -\$1\.20 \(-0\.52%\)$/);
    expect(container.firstElementChild?.className).toBe("down");
    render(<Change change={0} percent={0} currency="USD" />);
    expect(screen.getByText(/^\$0\.00 \(0\.00%\)$/).className).toBe("");
  });

  it("takes the API's Decimal text, and leaves out a percent of nothing", () => {
    const { container } = render(<Change change="1234.56" percent={1.23} currency="USD" />);
    expect(container.textContent).toBe("▲ +$1,234.56 (+1.23%)");
    cleanup();
    const second = render(<Change change="10.00" percent={null} currency="USD" />);
    expect(second.container.textContent).toBe("+$10.00");
  });
});
