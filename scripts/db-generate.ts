/** Generates a migration for one service from its drizzle schema: `npm run db:generate -- auth [--name x]`. */
import { run } from "./run.ts";
import { workers } from "./workers.ts";

const [service, ...rest] = process.argv.slice(2);
if (!workers.some((w) => w.name === service && w.database)) {
  console.error(`usage: npm run db:generate -- <${workers.filter((w) => w.database).map((w) => w.name).join("|")}> [--name <name>] [--custom]`);
  process.exit(2);
}
await run("drizzle-kit", ["generate", "--config", `workers/${service}/drizzle.config.ts`, ...rest]);
