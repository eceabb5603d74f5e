import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-stock for a caller under test (see ../fault-injector.ts). */
export default faultInjector(["health", "instruments", "quotes", "history", "search"]);
