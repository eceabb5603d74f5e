import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject({ name: "stock", config: "workers/stock/wrangler.toml", database: true });
