import { STOCK_METHODS } from "../../../workers/stock/src/contract";
import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-stock for a caller under test (see ../fault-injector.ts). */
export default faultInjector(STOCK_METHODS);
