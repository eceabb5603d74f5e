/**
 * CPU profiles of workerd isolates through its inspector (the Chrome DevTools Protocol), and
 * a compact reading of them: where an isolate's sampled time went, by function and by
 * package, the minified bundles mapped back through their source maps.
 *
 * workerd's inspector lists one target per Worker at http://<host>/json ("core:user:<name>");
 * each is profiled over its own WebSocket (Node's global WebSocket: no dependency). V8 takes
 * a sample only while the isolate is entered, so an isolate's samples times the interval
 * approximate its own CPU time, however many isolates share the thread.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** The `.cpuprofile` format (CDP Profiler.Profile). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId: string };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A minimal CDP session: commands by id, their results as promises. */
class CdpSession {
  #next = 1;
  #pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  readonly #socket: WebSocket;
  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      const pending = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!pending) return; // an event
      this.#pending.delete(message.id!);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    });
    socket.addEventListener("close", () => {
      for (const pending of this.#pending.values()) pending.reject(new Error("inspector connection closed"));
      this.#pending.clear();
    });
  }

  static open(url: string): Promise<CdpSession> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.addEventListener("open", () => resolve(new CdpSession(socket)), { once: true });
      socket.addEventListener("error", () => reject(new Error(`cannot connect to the inspector at ${url}`)), { once: true });
    });
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close() {
    this.#socket.close();
  }
}

/** A profiler running in every listed isolate: `stop()` ends them and gives each one's profile, by target title. */
export interface RunningProfilers {
  titles: string[];
  stop(): Promise<Map<string, CpuProfile>>;
}

/**
 * Starts the profiler, sampling every `intervalUs` microseconds, in each isolate whose
 * target title `wanted` accepts. `inspector` is the inspector's address (Miniflare's
 * getInspectorURL(): ws://127.0.0.1:<port>).
 */
export async function startProfilers(inspector: URL, intervalUs: number, wanted: (title: string) => boolean): Promise<RunningProfilers> {
  const list = (await (await fetch(new URL("/json", inspector.href.replace(/^ws/, "http")))).json()) as { title: string; webSocketDebuggerUrl: string }[];
  const targets = list.filter((t) => wanted(t.title));
  if (targets.length === 0) throw new Error(`no inspector target to profile among: ${list.map((t) => t.title).join(", ")}`);
  const sessions = await Promise.all(targets.map(async (t) => ({ title: t.title, session: await CdpSession.open(t.webSocketDebuggerUrl) })));
  for (const { session } of sessions) {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: intervalUs });
  }
  await Promise.all(sessions.map(({ session }) => session.send("Profiler.start")));
  return {
    titles: sessions.map((s) => s.title),
    async stop() {
      const profiles = new Map<string, CpuProfile>();
      for (const { title, session } of sessions) {
        profiles.set(title, (await session.send<{ profile: CpuProfile }>("Profiler.stop")).profile);
        session.close();
      }
      return profiles;
    },
  };
}

/** Where a profiled function is: its original name, a short file:line, and the module it belongs to. */
interface Frame {
  name: string;
  where: string;
  module: string;
}

/** V8's own entries: not functions, but where the isolate was. */
const META = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);
/** A function with no script: a V8 builtin or one of workerd's native APIs (JSON.parse, crypto.subtle.verify...). */
export const NATIVE = "(native)";

/** A package's name from a path inside node_modules; `@scope/name` kept whole. */
export function packageOf(path: string): string | undefined {
  const parts = path.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  // drizzle-orm's published source maps point one folder too high: node_modules/src/...
  if (parts[at + 1] === "src") return "drizzle-orm";
  return parts[at + 1]!.startsWith("@") ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * The module a repository source belongs to: its package under node_modules, else its folder
 * (workers/gateway/src/hardening/x.ts -> gateway/hardening; shared/logger.ts -> shared/logger).
 */
export function moduleOf(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, "");
  const pkg = packageOf(path);
  if (pkg) return pkg;
  const worker = /^workers\/([^/]+)\/src\/(.+)$/.exec(path);
  if (worker) {
    const [, name, rest] = worker;
    return rest!.includes("/") ? `${name}/${rest!.split("/")[0]}` : `${name}/${rest!.replace(/\.[jt]s$/, "")}`;
  }
  return path.replace(/\.[jt]s$/, "");
}

/** A short file:line: the package and the file's name for node_modules, the path under src/ for the repository. */
function shortWhere(source: string, line: number): string {
  const path = source.replace(/^(\.\.\/)+/, "");
  const pkg = packageOf(path);
  const short = pkg ? `${pkg}/…/${basename(path)}` : path.replace(/^workers\/([^/]+)\/src\//, "$1/");
  return `${short}:${line}`;
}

/**
 * Maps a profile's call frames back to sources through the bundle's source map (the
 * `.map` beside the script in `bundleDir`), when there is one.
 */
export class FrameResolver {
  readonly #maps = new Map<string, { map: SourceMap; lines: string[] } | undefined>();
  readonly #frames = new Map<string, Frame>();
  /** Scripts the profile ran that had no source map beside them. */
  readonly unmapped = new Set<string>();

  readonly #bundleDir: string;
  constructor(bundleDir: string) {
    this.#bundleDir = bundleDir;
  }

  #mapOf(url: string) {
    if (!this.#maps.has(url)) {
      const script = join(this.#bundleDir, basename(url));
      const mapFile = `${script}.map`;
      this.#maps.set(
        url,
        existsSync(mapFile) && existsSync(script)
          ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))), lines: readFileSync(script, "utf8").split("\n") }
          : undefined,
      );
    }
    return this.#maps.get(url);
  }

  resolve(callFrame: CpuProfile["nodes"][number]["callFrame"]): Frame {
    const { functionName, url, lineNumber, columnNumber } = callFrame;
    const key = `${functionName}|${url}|${lineNumber}|${columnNumber}`;
    let frame = this.#frames.get(key);
    if (!frame) {
      frame = this.#resolveUncached(functionName, url, lineNumber, columnNumber);
      this.#frames.set(key, frame);
    }
    return frame;
  }

  #resolveUncached(functionName: string, url: string, line: number, column: number): Frame {
    if (META.has(functionName) && !url) return { name: functionName, where: "", module: functionName };
    if (!url) return { name: functionName || "(anonymous)", where: "", module: NATIVE };
    const mapped = this.#mapOf(url);
    if (!mapped) {
      this.unmapped.add(url);
      // workerd's own modules (node-internal:..., cloudflare-internal:...) keep their names.
      const module = /^[\w-]+:/.test(url) && !url.startsWith("file:") ? url.split(":")[0]! : basename(url);
      return { name: functionName || "(anonymous)", where: `${basename(url)}:${line + 1}`, module };
    }
    const entry = mapped.map.findEntry(line, column) as { originalSource?: string; originalLine?: number; name?: string };
    if (!entry.originalSource) return { name: functionName || "(anonymous)", where: `${basename(url)}:${line + 1}`, module: basename(url) };
    // Sources are relative to the map: from the repository's root, wherever the bundle was built.
    const source = relative(ROOT, resolve(dirname(join(this.#bundleDir, basename(url))), entry.originalSource));
    return {
      name: this.#originalName(mapped, functionName, line, column) ?? (functionName || "(anonymous)"),
      where: shortWhere(source, entry.originalLine! + 1),
      module: moduleOf(source),
    };
  }

  /**
   * The source's name for a minified function: V8 names it after its (minified) binding, so
   * the nearest occurrence of that name before the function's start is the binding, which
   * the source map names (esbuild records a name for every identifier it renamed).
   */
  #originalName({ map, lines }: { map: SourceMap; lines: string[] }, functionName: string, line: number, column: number): string | undefined {
    if (!functionName) return undefined;
    const text = lines[line] ?? "";
    const isPart = (i: number) => /[\w$]/.test(text[i] ?? "");
    for (let at = text.lastIndexOf(functionName, column); at >= 0 && column - at <= 200; at = text.lastIndexOf(functionName, at - 1)) {
      if (isPart(at - 1) || isPart(at + functionName.length)) continue; // inside a longer identifier
      const entry = map.findEntry(line, at) as { generatedColumn?: number; name?: string };
      return entry.generatedColumn === at ? entry.name : undefined;
    }
    return undefined;
  }
}

export interface ProfileSummary {
  /** Samples the isolate took (V8 samples only while the isolate is entered), and their time. */
  samples: number;
  sampledMs: number;
  /** The same, without (idle). */
  busyMs: number;
  /** Profile start to end, wall clock. */
  spanMs: number;
  functions: { name: string; where: string; module: string; selfMs: number }[];
  /**
   * Self time by module; `withNativeMs` also charges each (native) sample to the module of
   * its nearest JavaScript caller (jose's crypto.subtle.verify to jose).
   */
  modules: { module: string; selfMs: number; withNativeMs: number }[];
  unmapped: string[];
}

/** Each sample counts `intervalUs`: the gaps between samples include time the isolate was not entered. */
export function summarize(profile: CpuProfile, resolver: FrameResolver, intervalUs: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const samples = profile.samples ?? profile.nodes.flatMap((n) => Array<number>(n.hitCount ?? 0).fill(n.id));
  const hits = new Map<number, number>();
  for (const id of samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const sampleMs = intervalUs / 1000;

  const functions = new Map<string, ProfileSummary["functions"][number]>();
  const modules = new Map<string, ProfileSummary["modules"][number]>();
  const moduleEntry = (module: string) => {
    let entry = modules.get(module);
    if (!entry) modules.set(module, (entry = { module, selfMs: 0, withNativeMs: 0 }));
    return entry;
  };
  let idleMs = 0;
  for (const [id, count] of hits) {
    const node = byId.get(id)!;
    const frame = resolver.resolve(node.callFrame);
    const ms = count * sampleMs;
    if (frame.module === "(idle)") {
      idleMs += ms;
      continue;
    }
    const key = `${frame.name}|${frame.where}`;
    const fn = functions.get(key) ?? { ...frame, selfMs: 0 };
    fn.selfMs += ms;
    functions.set(key, fn);
    moduleEntry(frame.module).selfMs += ms;
    let charged = frame.module;
    for (let up = parent.get(id); charged === NATIVE && up !== undefined; up = parent.get(up)) {
      const callerModule = resolver.resolve(byId.get(up)!.callFrame).module;
      if (!META.has(callerModule) && callerModule !== NATIVE) charged = callerModule;
    }
    moduleEntry(charged).withNativeMs += ms;
  }
  const sampledMs = samples.length * sampleMs;
  return {
    samples: samples.length,
    sampledMs,
    busyMs: sampledMs - idleMs,
    spanMs: (profile.endTime - profile.startTime) / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    modules: [...modules.values()].sort((a, b) => b.withNativeMs - a.withNativeMs || b.selfMs - a.selfMs),
    unmapped: [...resolver.unmapped],
  };
}

const pct = (part: number, whole: number) => `${whole > 0 ? ((100 * part) / whole).toFixed(1) : "0.0"}%`;

/** Aligned columns: the first `right` of them (figures) to the right, the others to the left. */
function columns(rows: string[][], right: number): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

/** The summary as printed: the top `top` functions by self time, then the modules; percentages of the busy time. */
export function formatSummary(title: string, s: ProfileSummary, top = 25): string[] {
  const head = `## ${title}: ${s.busyMs.toFixed(0)} ms sampled busy (${s.samples} samples, ${(s.sampledMs - s.busyMs).toFixed(0)} ms idle) over ${s.spanMs.toFixed(0)} ms`;
  if (s.busyMs === 0) return [head];
  const fnRows = [["self ms", "%", "function", "where"], ...s.functions.slice(0, top).map((f) => [f.selfMs.toFixed(1), pct(f.selfMs, s.busyMs), f.name, f.where])];
  const modRows = [
    ["self ms", "%", "+native %", "module"],
    ...s.modules.map((m) => [m.selfMs.toFixed(1), pct(m.selfMs, s.busyMs), pct(m.withNativeMs, s.busyMs), m.module]),
  ];
  return [
    head,
    ...(s.unmapped.length > 0 ? [`no source map for ${s.unmapped.join(", ")}: their functions keep their bundle names and roll up by script`] : []),
    `top ${top} functions by self time:`,
    ...columns(fnRows, 2).map((r) => `  ${r}`),
    `self time by module (+native: with the ${NATIVE} builtins each module's code called):`,
    ...columns(modRows, 3).map((r) => `  ${r}`),
  ];
}
