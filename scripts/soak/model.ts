/**
 * What one simulated user's account must hold, from the outcomes of its own mutations, per
 * the contract (schema.graphql): the watchlist is an ordered set, oldest addition first;
 * adding a listed symbol changes nothing (it keeps its place), removing an unlisted one
 * changes nothing; symbols are trimmed and upper-cased; a profile update replaces the
 * fields it gives, trimmed.
 *
 * A mutation whose outcome the client cannot know (a 5xx, SERVICE_UNAVAILABLE, a timeout)
 * may or may not have happened, so the model keeps every state the account can be in, and
 * each answer that shows the account (a mutation's result, a read of `me`) narrows them.
 */
export interface Profile {
  firstName: string;
  lastName: string;
}

export interface AccountState {
  watchlist: string[];
  profile: Profile;
}

export type Change =
  | { kind: "add"; symbol: string }
  | { kind: "remove"; symbol: string }
  | { kind: "profile"; patch: Partial<Profile> };

export const normalizeSymbol = (symbol: string) => symbol.trim().toUpperCase();

export function applyChange(state: AccountState, change: Change): AccountState {
  switch (change.kind) {
    case "add": {
      const symbol = normalizeSymbol(change.symbol);
      return state.watchlist.includes(symbol) ? state : { ...state, watchlist: [...state.watchlist, symbol] };
    }
    case "remove": {
      const symbol = normalizeSymbol(change.symbol);
      return { ...state, watchlist: state.watchlist.filter((listed) => listed !== symbol) };
    }
    case "profile": {
      const trimmed = Object.entries(change.patch).map(([field, value]) => [field, value.trim()]);
      return { ...state, profile: { ...state.profile, ...Object.fromEntries(trimmed) } };
    }
  }
}

/** What an answer showed of the account: the watchlist, the profile, or both. */
export type Observation = Partial<AccountState>;

export interface Divergence {
  /** Where the account was seen, e.g. "addToWatchlist answer" or "final read-back". */
  where: string;
  /** Every state the account could be in, as far as the observation shows. */
  expected: Observation[];
  actual: Observation;
}

const project = (state: AccountState, observation: Observation): Observation =>
  Object.fromEntries(Object.keys(observation).map((key) => [key, state[key as keyof AccountState]]));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Beyond this many possible states the account is past checking (too many unknown outcomes in a row). */
export const MAX_POSSIBLE_STATES = 1024;

function unique(states: AccountState[]): AccountState[] {
  const seen = new Map(states.map((state) => [JSON.stringify(state), state]));
  if (seen.size > MAX_POSSIBLE_STATES) throw new Error(`more than ${MAX_POSSIBLE_STATES} possible account states: too many unknown outcomes in a row`);
  return [...seen.values()];
}

export class AccountModel {
  private states: AccountState[];

  constructor(initial: AccountState) {
    this.states = [initial];
  }

  /** The change happened. */
  succeeded(change: Change): void {
    this.states = unique(this.states.map((state) => applyChange(state, change)));
  }

  /** The change may or may not have happened. */
  uncertain(change: Change): void {
    this.states = unique([...this.states, ...this.states.map((state) => applyChange(state, change))]);
  }

  /**
   * Keeps the states the observation agrees with; a divergence when there is none. After a
   * divergence the model follows what the platform showed, so one lost write is reported
   * once and not again at every later answer.
   */
  observe(where: string, actual: Observation): Divergence | undefined {
    const agreeing = this.states.filter((state) => same(project(state, actual), actual));
    if (agreeing.length > 0) {
      this.states = agreeing;
      return undefined;
    }
    const divergence = { where, expected: unique(this.states).map((state) => project(state, actual)), actual };
    this.states = unique(this.states.map((state) => ({ ...state, ...actual })));
    return divergence;
  }

  /** The states the account can be in now. */
  possibleStates(): readonly AccountState[] {
    return this.states;
  }
}
