import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject({ name: "user", config: "workers/user/wrangler.toml", database: true });
