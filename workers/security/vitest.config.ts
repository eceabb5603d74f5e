import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject({ name: "security", config: "workers/security/wrangler.toml", database: true });
