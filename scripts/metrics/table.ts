/** Rows as an aligned plain-text table; numbers right-aligned and rounded to 0.1. */
export function formatTable(title: string, rows: Record<string, string | number | null>[]): string {
  if (rows.length === 0) return `${title}\n  (no data)\n`;
  const columns = Object.keys(rows[0]!);
  const cell = (value: string | number | null) =>
    typeof value === "number" ? String(Math.round(value * 10) / 10) : value === null ? "" : isNumeric(value) ? String(Math.round(Number(value) * 10) / 10) : value;
  const cells = rows.map((row) => columns.map((c) => cell(row[c] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const numeric = columns.map((_, i) => cells.every((r) => r[i] === "" || isNumeric(r[i]!)));
  const line = (values: string[]) => "  " + values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join("  ");
  return [title, line(columns), ...cells.map(line)].join("\n") + "\n";
}

function isNumeric(value: string): boolean {
  return value.trim() !== "" && Number.isFinite(Number(value));
}
