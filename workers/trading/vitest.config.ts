import { workerTestProject } from "../../scripts/testing/worker-project.ts";

export default workerTestProject("trading", { services: ["STOCK"] });
