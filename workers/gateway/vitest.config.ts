import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject({ name: "gateway", config: "wrangler.toml", database: false, services: ["AUTH", "SECURITY", "USER", "STOCK"] });
