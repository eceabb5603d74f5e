/** What a decision takes from the world besides storage: the time and fresh ids (injected by tests). */
export interface Clock {
  now: Date;
  newId(): string;
}

export const systemClock = (): Clock => ({ now: new Date(), newId: () => crypto.randomUUID() });
