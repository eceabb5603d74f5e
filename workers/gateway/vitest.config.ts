import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject("gateway", { services: ["AUTH", "SECURITY", "USER", "STOCK"] });
