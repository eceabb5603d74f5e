/**
 * fast-check arbitraries for writing one IP address many ways (RFC 4291: case, leading
 * zeros, `::` for any run of zero groups, a dotted quad for the last 32 bits), for the
 * tests of shared/client-address.ts and the throttle-respelling attack on auth.
 */
import fc from "fast-check";

const group = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
export const groups = fc.array(group, { minLength: 8, maxLength: 8 });
export const isIPv4Mapped = (g: number[]) => g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
export const ipv6Groups = groups.filter((g) => !isIPv4Mapped(g));
export const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });

/** How one address is written: choices drawn by fast-check, applied by `spell`. */
export const spelling = fc.record({
  padding: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
  upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  compress: fc.option(fc.tuple(fc.nat(7), fc.nat(7))),
  dottedTail: fc.boolean(),
  octetPadding: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
});

export type Spelling = typeof spelling extends fc.Arbitrary<infer T> ? T : never;

const pad = (text: string, zeros: number, width: number) => "0".repeat(Math.max(0, Math.min(zeros, width - text.length))) + text;

/** Writes `g` (eight groups) one of the many RFC 4291 ways. */
export function spell(g: number[], s: Spelling): string {
  const dotted = s.dottedTail;
  const count = dotted ? 6 : 8;
  const pieces = g.slice(0, count).map((x, i) => {
    const hex = pad(x.toString(16), s.padding[i]!, 4);
    return s.upper[i] ? hex.toUpperCase() : hex;
  });
  if (dotted) {
    const quad = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
    pieces.push(quad.map((o, i) => pad(String(o), s.octetPadding[i]!, 3)).join("."));
  }
  // `::` for a run of zero groups starting at the drawn index, as long as the drawn length allows.
  if (s.compress) {
    const [from, wanted] = s.compress;
    let length = 0;
    while (from + length < count && length <= wanted && g[from + length] === 0) length++;
    if (length > 0) return `${pieces.slice(0, from).join(":")}::${pieces.slice(from + length).join(":")}`;
  }
  return pieces.join(":");
}
