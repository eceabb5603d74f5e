import { workerTestProject } from "../../scripts/testing/worker-project.ts";
import { FAKE_STOCK_SCRIPT } from "./test/fake-stock.ts";

// Orders need prices: STOCK is a scripted stock Worker (test/fake-stock.ts), not the absent service.
export default workerTestProject("trading", {
  services: ["STOCK"],
  scripted: { STOCK: { name: "fake-stock", script: FAKE_STOCK_SCRIPT } },
});
