import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientKey, clientKeyOf, UNPARSEABLE_ADDRESS_KEY } from "./client-address";
import { groups, ipv6Groups, isIPv4Mapped, octets, spell, spelling } from "./testing/address-spellings";

/** An independent RFC 5952 formatter: the WHATWG URL parser's serialization of an IPv6 host. */
const urlForm = (g: number[]) => new URL(`http://[${g.map((x) => x.toString(16)).join(":")}]/`).hostname.slice(1, -1);
const slash64 = (g: number[]) => `${urlForm([...g.slice(0, 4), 0, 0, 0, 0])}/64`;

describe("clientKey: IPv6", () => {
  it("maps every spelling of an address to its /64 in RFC 5952 form", () => {
    fc.assert(
      fc.property(ipv6Groups, spelling, (g, s) => {
        expect(clientKey(spell(g, s))).toBe(slash64(g));
      }),
      { numRuns: 2000 },
    );
  });

  it("maps any two addresses of one /64, however written, to the same key", () => {
    fc.assert(
      fc.property(ipv6Groups, groups, spelling, spelling, (a, low, sa, sb) => {
        const b = [...a.slice(0, 4), ...low.slice(4)];
        fc.pre(!isIPv4Mapped(b));
        expect(clientKey(spell(a, sa))).toBe(clientKey(spell(b, sb)));
      }),
      { numRuns: 1000 },
    );
  });

  it("maps addresses of different /64s to different keys", () => {
    fc.assert(
      fc.property(ipv6Groups, ipv6Groups, spelling, spelling, (a, b, sa, sb) => {
        fc.pre(a.slice(0, 4).join() !== b.slice(0, 4).join());
        expect(clientKey(spell(a, sa))).not.toBe(clientKey(spell(b, sb)));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads the examples of the review", () => {
    const key = "2001:db8:0:1::/64";
    for (const address of [
      "2001:db8:0:1::1",
      "2001:0db8:0000:0001:0000:0000:0000:0001",
      "2001:DB8:0:1::1",
      "2001:db8:0:1:0:0:0:1",
      "2001:db8:0:1:ffff:ffff:ffff:ffff",
      "2001:db8::1:0:0:0:7",
      // An embedded dotted quad is part of the interface id, not an IPv4 client.
      "2001:db8:0:1::1.2.3.4",
      "2001:db8:0:1::1.2.3.5",
    ]) {
      expect(clientKey(address), address).toBe(key);
    }
    expect(clientKey("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
    expect(clientKey("::1")).toBe("::/64");
    expect(clientKey("::")).toBe("::/64");
    expect(clientKey("1::")).toBe("1::/64");
  });
});

describe("clientKey: IPv4", () => {
  const mappedSpellings = (o: number[]) => {
    const hex = [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!].map((x) => x.toString(16));
    return [
      o.join("."),
      o.map((x) => String(x).padStart(3, "0")).join("."),
      `::ffff:${o.join(".")}`,
      `::FFFF:${o.join(".")}`,
      `0:0:0:0:0:ffff:${o.join(".")}`,
      `0000:0000:0000:0000:0000:FFFF:${o.join(".")}`,
      `::ffff:${hex.join(":")}`,
      `0::0:ffff:${hex.map((x) => x.toUpperCase().padStart(4, "0")).join(":")}`,
    ];
  };

  it("maps an IPv4 address, dotted or IPv4-mapped, to its canonical dotted form", () => {
    fc.assert(
      fc.property(octets, (o) => {
        const canonical = new URL(`http://${o.join(".")}/`).hostname;
        for (const address of mappedSpellings(o)) expect(clientKey(address), address).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  it("maps different IPv4 addresses to different keys", () => {
    fc.assert(
      fc.property(octets, octets, (a, b) => {
        fc.pre(a.join() !== b.join());
        expect(clientKey(a.join("."))).not.toBe(clientKey(`::ffff:${b.join(".")}`));
      }),
    );
  });
});

describe("clientKey: input that is no address", () => {
  const garbage = [
    "",
    " ",
    "hello",
    "a:b",
    "1:2",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "1.2.3.-4",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7:8:9::",
    "1::2::3",
    ":1::",
    "1:::2",
    ":::",
    "12345::",
    "g::1",
    "::1.2.3.4:5",
    "1.2.3.4::",
    "::ffff:1.2.3",
    "1:2:3:4:5:6:7::8",
    "2001:db8::1%eth0",
    "[2001:db8::1]",
    "2001:db8::1 ",
    "203.0.113.7, 198.51.100.1",
    "x".repeat(100_000),
  ];

  it("counts all of it under one fixed key, and never throws", () => {
    for (const address of garbage) expect(clientKey(address), JSON.stringify(address.slice(0, 40))).toBe(UNPARSEABLE_ADDRESS_KEY);
  });

  it("answers any string with a canonical key or the fixed one, a canonical key being its own key", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:.%[] "), maxLength: 50 }));
    fc.assert(
      fc.property(text, (address) => {
        const key = clientKey(address);
        if (key === UNPARSEABLE_ADDRESS_KEY) return;
        const plain = key.replace(/\/64$/, "");
        expect(clientKey(plain)).toBe(key);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("clientKeyOf", () => {
  it("reads CF-Connecting-IP, and is null without it", () => {
    expect(clientKeyOf(new Request("https://x.test/", { headers: { "cf-connecting-ip": "2001:DB8:0:1::9" } }))).toBe("2001:db8:0:1::/64");
    expect(clientKeyOf(new Request("https://x.test/", { headers: { "cf-connecting-ip": "nonsense" } }))).toBe(UNPARSEABLE_ADDRESS_KEY);
    expect(clientKeyOf(new Request("https://x.test/"))).toBeNull();
  });
});
