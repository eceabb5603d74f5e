import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field } from "./Field";

describe("Field", () => {
  it("is found by its label and described by its hint", () => {
    render(<Field label="Password" value="" onChange={() => undefined} type="password" hint="At least 8 characters." autoComplete="new-password" />);
    const input = screen.getByLabelText("Password");
    expect(input.getAttribute("autocomplete")).toBe("new-password");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(describedBy(input)).toBe("At least 8 characters.");
  });

  it("ties its error to the input and marks it invalid", () => {
    render(<Field label="Email" value="x" onChange={() => undefined} error="Enter your email address." hint="We never share it." />);
    const input = screen.getByRole("textbox", { name: "Email" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(input)).toBe("Enter your email address. We never share it.");
  });
});

const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");
