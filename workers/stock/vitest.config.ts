import { mergeConfig } from "vitest/config";
import { workerTestProject } from "../../scripts/testing/worker-project.ts";

export default mergeConfig(workerTestProject("stock"), {
  test: { globalSetup: ["./test/node/global-setup.ts"] },
});
