/**
 * One client address per simulated user, as Cloudflare's edge would put it in
 * CF-Connecting-IP: even users on IPv4 (198.18.0.0/15, the range set aside for benchmark
 * traffic), odd ones on IPv6 (2001:db8::/32, documentation), each in a /64 of its own, since
 * the platform counts an IPv6 client by its /64.
 */
export const MAX_USERS = 2 * 0x10000;

export function clientAddress(user: number): string {
  if (!Number.isInteger(user) || user < 0 || user >= MAX_USERS) throw new RangeError(`user ${user} is out of 0..${MAX_USERS - 1}`);
  const slot = user >> 1;
  return user % 2 === 0 ? `198.18.${slot >> 8}.${slot & 0xff}` : `2001:db8:${slot.toString(16)}:0:5:0:0:${(user & 0xffff).toString(16)}`;
}
