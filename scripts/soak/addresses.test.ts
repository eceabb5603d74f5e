import { describe, expect, it } from "vitest";
import { clientAddress, MAX_USERS } from "./addresses.ts";

/** How the platform counts a client: an IPv4 address, or an IPv6 address's /64 (written here in full, 8 groups). */
const clientKey = (address: string) => (address.includes(":") ? `${address.split(":").slice(0, 4).join(":")}::/64` : address);

describe("client addresses", () => {
  it("gives every user a client of its own as the platform counts them, IPv4 and IPv6 in turn", () => {
    const users = [...Array.from({ length: 600 }, (_, i) => i), MAX_USERS - 2, MAX_USERS - 1];
    const addresses = users.map(clientAddress);
    expect(new Set(addresses.map(clientKey)).size).toBe(users.length);
    expect(addresses.filter((address) => address.includes(":"))).toHaveLength(users.length / 2);
    expect(addresses.slice(0, 4)).toEqual(["198.18.0.0", "2001:db8:0:0:5:0:0:1", "198.18.0.1", "2001:db8:1:0:5:0:0:3"]);
    expect(() => clientAddress(MAX_USERS)).toThrow(RangeError);
  });
});
