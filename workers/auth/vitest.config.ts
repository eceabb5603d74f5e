import { generateSigningJwk } from "../../scripts/signing-key.ts";
import { workerTestProject } from "../../scripts/testing/worker-project.ts";

export default workerTestProject("auth", {
  services: ["SECURITY", "USER", "TRADING"],
  bindings: { JWT_PRIVATE_KEY: JSON.stringify(await generateSigningJwk("test-key")) },
});
