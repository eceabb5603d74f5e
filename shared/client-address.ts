/**
 * The key a client's requests are counted under, the same in every Worker that counts per
 * address (the gateway's rate limiter, auth's throttle): Cloudflare's `CF-Connecting-IP`
 * in a canonical form, so that no other spelling of an address counts apart.
 *
 * - IPv4: dotted decimal (`203.0.113.7`); an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`,
 *   `::ffff:cb00:7107`) is that IPv4 address.
 * - IPv6: its /64 in RFC 5952 form (`2001:db8:0:1::/64`), since one subscriber usually holds
 *   a whole /64 and could rotate through it. Every RFC 4291 spelling is read: any case,
 *   leading zeros, `::` anywhere, an embedded dotted quad in the last 32 bits.
 * - Anything else (never sent by Cloudflare) is UNPARSEABLE_ADDRESS_KEY: all garbage counts
 *   under that one key, so a forged header can neither crash the counting nor win a fresh
 *   counter per spelling.
 */

export const CLIENT_ADDRESS_HEADER = "cf-connecting-ip";
export const UNPARSEABLE_ADDRESS_KEY = "unparseable-address";

/** The longest textual IPv6 address: 6 groups of 4 hex digits and a dotted quad. */
const MAX_ADDRESS_LENGTH = 45;
const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function ipv4Octets(text: string): number[] | null {
  const match = DOTTED_QUAD.exec(text);
  const octets = match?.slice(1).map(Number);
  return octets && octets.every((octet) => octet <= 255) ? octets : null;
}

/** The 16-bit groups of one side of `::`; a dotted quad is allowed only as the very end. */
function groupsOf(text: string, mayEndInIPv4: boolean): number[] | null {
  if (text === "") return [];
  const pieces = text.split(":");
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    const octets = mayEndInIPv4 && index === pieces.length - 1 && piece.includes(".") ? ipv4Octets(piece) : null;
    if (octets) groups.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    else if (HEX_GROUP.test(piece)) groups.push(parseInt(piece, 16));
    else return null;
  }
  return groups;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const [head = "", tail] = halves;
  const left = groupsOf(head, tail === undefined);
  if (tail === undefined) return left?.length === 8 ? left : null;
  const right = groupsOf(tail, true);
  // `::` stands for at least one group of zeros.
  if (!left || !right || left.length + right.length > 7) return null;
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIPv6(groups: number[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

const isIPv4Mapped = (groups: number[]) => groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;

/** The key `address` (the text of a CF-Connecting-IP header) is counted under. */
export function clientKey(address: string): string {
  if (address.length > MAX_ADDRESS_LENGTH) return UNPARSEABLE_ADDRESS_KEY;
  const octets = ipv4Octets(address);
  if (octets) return octets.join(".");
  const groups = ipv6Groups(address);
  if (!groups) return UNPARSEABLE_ADDRESS_KEY;
  if (isIPv4Mapped(groups)) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${formatIPv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/**
 * The key of the client that sent `request`, or null when it has no CF-Connecting-IP (it
 * did not come through Cloudflare's edge: a service binding, a local tool).
 */
export function clientKeyOf(request: Request): string | null {
  const address = request.headers.get(CLIENT_ADDRESS_HEADER);
  return address === null ? null : clientKey(address);
}
