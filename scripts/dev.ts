/**
 * The local platform in one command: local secrets, migrations and seed, then all five
 * Workers in one `wrangler dev` session sharing one persisted state directory.
 * Extra arguments go to `wrangler dev` (e.g. `npm run dev -- --port 8788`).
 */
import { ensureLocalSecrets } from "./dev-vars.ts";
import { migrate } from "./migrate.ts";
import { run } from "./run.ts";
import { seedLocal } from "./seed.ts";
import { DEV_STATE_DIR, workers } from "./workers.ts";

await ensureLocalSecrets();
await migrate("local");
await seedLocal();

// The gateway's config comes first: it is the Worker served at http://localhost:8787.
const ordered = [...workers].sort((a, b) => Number(b.name === "gateway") - Number(a.name === "gateway"));
const configs = ordered.flatMap((w) => ["-c", w.config]);
await run("wrangler", ["dev", ...configs, "--persist-to", DEV_STATE_DIR, ...process.argv.slice(2)]);
