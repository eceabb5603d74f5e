import { formatPercent, formatSignedMoney, type Figure } from "./format";

export type Direction = "up" | "down" | "flat";

/** By the percent as shown (two decimals), so "+0.00%" never comes with an arrow. */
export const directionOf = (percent: number): Direction => {
  const shown = Math.round(percent * 100);
  return shown > 0 ? "up" : shown < 0 ? "down" : "flat";
};

const ARROW: Record<Direction, string> = { up: "▲", down: "▼", flat: "" };

/**
 * A change of money with its sign, an arrow and its percent: "▲ +$1.20 (+0.52%)". Colour
 * (the global .up/.down) repeats what the sign already says, so it is never the only cue.
 * A percent of nothing (null: the base was zero) is left out, and so are arrow and colour.
 */
export function Change({ change, percent, currency }: { change: Figure; percent: number | null; currency: string }) {
  const direction = percent === null ? "flat" : directionOf(percent);
  return (
    <span className={direction === "flat" ? undefined : direction}>
      {direction !== "flat" && <span aria-hidden="true">{ARROW[direction]} </span>}
      {formatSignedMoney(change, currency)}
      {percent !== null && ` (${formatPercent(percent)})`}
    </span>
  );
}
