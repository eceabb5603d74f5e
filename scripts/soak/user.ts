/**
 * One simulated user: signs up, then until the deadline a weighted random mix of reads
 * (stock, stocks, searchStocks, me) and watchlist and profile changes, with think times
 * between them; token refreshes and log out / log in again come on a schedule of their own
 * (each about once per its interval, jittered), so that the users together stay far below
 * the auth Worker's throttles; finally it reads its account back. Sign-ups and sign-ins (a
 * password hash each) pass a gate the users share, which bounds how many hash at once.
 */
import { seedInstruments } from "../../workers/stock/src/seed/instruments.ts";
import { SoakClient, sleep, type Answer, type PlatformFetch } from "./client.ts";
import type { Gate } from "./gate.ts";
import { AccountModel, type Change, type Divergence, type Observation, type Profile } from "./model.ts";
import type { Random } from "./random.ts";
import type { Recorder } from "./recorder.ts";

export interface UserPlan {
  index: number;
  email: string;
  password: string;
  address: string;
  random: Random;
  /** performance.now() instants: start, end of the mix, and of the final read-back. */
  startAt: number;
  deadline: number;
  hardStop: number;
  thinkMs: readonly [number, number];
  refreshEveryMs: number;
  reloginEveryMs: number;
  passwordGate: Gate;
  maxActions: number;
  requestTimeoutMs: number;
}

export interface UserResult {
  email: string;
  address: string;
  signedUp: boolean;
  actions: number;
  divergences: Divergence[];
  /** What went wrong that is not a divergence of the account (e.g. a token alive after logout). */
  problems: string[];
}

const SYMBOLS = seedInstruments.map((instrument) => instrument.symbol);
const SEARCHES = ["a", "app", "micro", "goog", "tsl", "nv", "amz", "spy", "bank", "ener", "co", "inc", "x"];
const FIRST_NAMES = ["Ada", "Grace", "José", "Zoë", "Łukasz", "Søren", "Mei", "Amara", " Ingrid ", "Kwame"];
const LAST_NAMES = ["Lovelace", "Hopper", "Núñez", "O'Brien", "van der Berg", "Østergaard", "Nakamura", " Okafor ", "Smith-Jones"];

const ACTION_WEIGHTS = {
  stock: 18,
  stocks: 10,
  search: 14,
  add: 16,
  remove: 10,
  updateProfile: 8,
  me: 6,
} as const;
/** Not in the mix: refresh and relogin come when due, login first thing after a failed sign-in. */
type Action = keyof typeof ACTION_WEIGHTS | "refresh" | "relogin" | "login";

const STOCK = "query SoakStock($symbol: String!) { stock(symbol: $symbol) { symbol name quote { price change stale } history(period: FIVE_DAYS) { close } } }";
const STOCKS = "query SoakStocks($symbols: [String!]!) { stocks(symbols: $symbols) { symbol quote { price changePercent } } }";
const SEARCH = "query SoakSearch($query: String!, $limit: Int) { searchStocks(query: $query, limit: $limit) { symbol name } }";
const ADD = "mutation SoakAdd($symbol: String!) { addToWatchlist(symbol: $symbol) { symbol addedAt } }";
const REMOVE = "mutation SoakRemove($symbol: String!) { removeFromWatchlist(symbol: $symbol) { symbol addedAt } }";
const PROFILE = "mutation SoakProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { firstName lastName } }";
const ME = "query SoakMe { me { id profile { firstName lastName } watchlist { symbol } } }";

interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
}

const dataOf = (answer: Answer | undefined, field: string): unknown =>
  answer && answer.codes.length === 0 ? (answer.body as GraphQLBody | undefined)?.data?.[field] : undefined;

/** Neither done nor refused for sure: no answer, a 5xx, or a service that failed mid-way. */
const unknownOutcome = (answer: Answer | undefined) =>
  !answer || answer.status >= 500 || answer.codes.some((code) => ["SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR", "INTERNAL"].includes(code));

const watchlistOf = (items: unknown): string[] => (items as { symbol: string }[]).map((item) => item.symbol);
const profileOf = (profile: unknown): Profile => {
  const { firstName, lastName } = profile as Profile;
  return { firstName, lastName };
};

export class SimulatedUser {
  private readonly client: SoakClient;
  private readonly random: Random;
  private session: Session | undefined;
  private model: AccountModel | undefined;
  private nextRefreshAt = Infinity;
  private nextReloginAt = Infinity;
  /** After an unknown outcome the next action reads the account, as a careful client would. */
  private mustReread = false;
  private readonly result: UserResult;
  private readonly plan: UserPlan;

  constructor(fetch: PlatformFetch, recorder: Recorder, plan: UserPlan) {
    this.plan = plan;
    this.client = new SoakClient(fetch, recorder, plan.address, plan.requestTimeoutMs);
    this.random = plan.random;
    this.result = { email: plan.email, address: plan.address, signedUp: false, actions: 0, divergences: [], problems: [] };
  }

  async run(): Promise<UserResult> {
    try {
      await sleep(this.plan.startAt - performance.now());
      await this.signUp();
      if (!this.session) return this.result;
      while (performance.now() < this.plan.deadline && this.result.actions < this.plan.maxActions) {
        await this.act(this.nextAction());
        this.result.actions++;
        await sleep(Math.min(this.random.int(...this.plan.thinkMs), this.plan.deadline - performance.now()));
      }
      await this.readBack();
    } catch (error) {
      this.result.problems.push(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.result;
  }

  private nextAction(): Action {
    const now = performance.now();
    if (!this.session) return "login";
    if (this.mustReread) return "me";
    if (now >= this.nextReloginAt) return "relogin";
    if (now >= this.nextRefreshAt) return "refresh";
    return this.random.weighted(ACTION_WEIGHTS);
  }

  /** From now, half to one and a half intervals. */
  private after(intervalMs: number): number {
    return performance.now() + intervalMs * (0.5 + this.random.next());
  }

  private async act(action: Action): Promise<void> {
    const until = this.plan.deadline;
    const token = this.session?.accessToken;
    switch (action) {
      case "stock":
        await this.client.graphql("stock", STOCK, { symbol: this.symbolAsTyped() }, token, until);
        return;
      case "stocks": {
        const symbols = Array.from({ length: this.random.int(2, 10) }, () => this.symbolAsTyped());
        await this.client.graphql("stocks", STOCKS, { symbols }, token, until);
        return;
      }
      case "search":
        await this.client.graphql("searchStocks", SEARCH, { query: this.random.pick(SEARCHES), limit: this.random.int(1, 25) }, token, until);
        return;
      case "add":
        return this.change("addToWatchlist", ADD, { symbol: this.symbolAsTyped() });
      case "remove":
        return this.change("removeFromWatchlist", REMOVE, { symbol: this.symbolToRemove() });
      case "updateProfile":
        return this.change("updateProfile", PROFILE, { input: this.profilePatch() });
      case "me":
        await this.readMe("me", until);
        return;
      case "refresh":
        return this.refresh();
      case "relogin":
        return this.relogin();
      case "login":
        return this.logIn(until);
    }
  }

  /** A seeded symbol, sometimes typed in lower case or with spaces around it. */
  private symbolAsTyped(): string {
    const symbol = this.random.pick(SYMBOLS);
    const typing = this.random.int(0, 9);
    if (typing === 0) return symbol.toLowerCase();
    if (typing === 1) return ` ${symbol} `;
    return symbol;
  }

  /** Mostly a listed symbol; sometimes one that may not be listed (removing it changes nothing). */
  private symbolToRemove(): string {
    const listed = this.model?.possibleStates()[0]?.watchlist ?? [];
    return listed.length > 0 && this.random.next() < 0.8 ? this.random.pick(listed) : this.symbolAsTyped();
  }

  private profilePatch(): Partial<Profile> {
    const which = this.random.int(0, 2);
    return {
      ...(which !== 1 ? { firstName: this.random.pick(FIRST_NAMES) } : {}),
      ...(which !== 0 ? { lastName: this.random.pick(LAST_NAMES) } : {}),
    };
  }

  /** A mutation, and what its outcome says about the account. */
  private async change(kind: "addToWatchlist" | "removeFromWatchlist" | "updateProfile", query: string, variables: Record<string, unknown>) {
    const change: Change =
      kind === "addToWatchlist"
        ? { kind: "add", symbol: variables.symbol as string }
        : kind === "removeFromWatchlist"
          ? { kind: "remove", symbol: variables.symbol as string }
          : { kind: "profile", patch: variables.input as Partial<Profile> };
    const answer = await this.client.graphql(kind, query, variables, this.session?.accessToken, this.plan.deadline);
    const value = dataOf(answer, kind);
    if (value) {
      this.model!.succeeded(change);
      this.observe(`${kind} answer`, kind === "updateProfile" ? { profile: profileOf(value) } : { watchlist: watchlistOf(value) });
    } else if (unknownOutcome(answer)) {
      this.model!.uncertain(change);
      this.mustReread = true;
    }
  }

  private observe(where: string, observation: Observation): void {
    const divergence = this.model!.observe(where, observation);
    if (divergence) this.result.divergences.push(divergence);
  }

  /** `me` read back and held against the model; false when it could not be read. */
  private async readMe(kind: string, until: number): Promise<boolean> {
    const me = dataOf(await this.client.graphql(kind, ME, {}, this.session?.accessToken, until), "me") as
      | { id: string; profile: unknown; watchlist: unknown }
      | null
      | undefined;
    if (!me) return false;
    this.mustReread = false;
    if (me.id !== this.session?.userId) this.result.problems.push(`me answered user ${me.id}, not ${this.session?.userId}`);
    this.observe(kind === "me" ? "me read" : "final read-back", { watchlist: watchlistOf(me.watchlist), profile: profileOf(me.profile) });
    return true;
  }

  private async signUp(): Promise<void> {
    const firstName = this.random.pick(FIRST_NAMES);
    const lastName = this.random.pick(LAST_NAMES);
    const body = { email: this.plan.email, password: this.plan.password, firstName, lastName };
    const answer = await this.plan.passwordGate.run(() => this.client.auth("register", "/auth/register", body, undefined, this.plan.deadline));
    if (answer?.status === 201) this.session = sessionOf(answer.body);
    // An unknown outcome may have registered the account: signing in tells.
    else if (answer?.status === 409 || unknownOutcome(answer)) await this.logIn(this.plan.deadline);
    if (!this.session) {
      this.result.problems.push(`could not sign up: ${answer ? `${answer.status} ${answer.codes.join(",")}` : "no answer"}`);
      return;
    }
    this.result.signedUp = true;
    this.nextRefreshAt = this.after(this.plan.refreshEveryMs);
    this.nextReloginAt = this.after(this.plan.reloginEveryMs);
    this.model = new AccountModel({ watchlist: [], profile: { firstName: firstName.trim(), lastName: lastName.trim() } });
  }

  private async logIn(until: number): Promise<void> {
    const body = { email: this.plan.email, password: this.plan.password };
    const answer = await this.plan.passwordGate.run(() => this.client.auth("login", "/auth/login", body, undefined, until));
    this.session = answer?.status === 200 ? sessionOf(answer.body) : undefined;
  }

  private async refresh(): Promise<void> {
    this.nextRefreshAt = this.after(this.plan.refreshEveryMs);
    const answer = await this.client.auth("refresh", "/auth/refresh", { refreshToken: this.session!.refreshToken }, undefined, this.plan.deadline);
    // A refused refresh leaves the session as it was; an unknown outcome may have rotated
    // the refresh token, which only a new sign-in recovers from.
    if (answer?.status === 200) this.session = { ...this.session!, ...tokensOf(answer.body) };
    else if (unknownOutcome(answer)) await this.logIn(this.plan.deadline);
  }

  /** Logs out, checks the old access token signs in no more, thinks, and logs back in (else the next action does). */
  private async relogin(): Promise<void> {
    this.nextReloginAt = this.after(this.plan.reloginEveryMs);
    const old = this.session!;
    const answer = await this.client.auth("logout", "/auth/logout", undefined, old.accessToken, this.plan.deadline);
    // An unknown outcome may have ended the session: sign in again without checking the old token.
    if (unknownOutcome(answer)) return this.logIn(this.plan.deadline);
    if (answer?.status !== 204) return;
    this.session = undefined;
    const after = await this.client.graphql("meAfterLogout", "{ me { id } }", {}, old.accessToken, this.plan.deadline);
    if (dataOf(after, "me")) this.result.problems.push("an access token still signed in after its logout");
    await sleep(this.random.int(...this.plan.thinkMs));
    await this.logIn(this.plan.deadline);
  }

  /** The account as the platform holds it at the end, held against the model. */
  private async readBack(): Promise<void> {
    if (!this.session) await this.logIn(this.plan.hardStop);
    if (!(await this.readMe("finalReadBack", this.plan.hardStop))) this.result.problems.push("could not read the account back at the end");
  }
}

function tokensOf(body: unknown): Pick<Session, "accessToken" | "refreshToken"> {
  const { accessToken, refreshToken } = body as Session;
  return { accessToken, refreshToken };
}

function sessionOf(body: unknown): Session {
  return { userId: (body as { user: { id: string } }).user.id, ...tokensOf(body) };
}
