import { workerTestProject } from "../../shared/testing/node/worker-project.ts";

export default workerTestProject("user");
