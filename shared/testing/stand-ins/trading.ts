import { TRADING_METHODS } from "../../../workers/trading/src/contract";
import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-trading for a caller under test (see ../fault-injector.ts). */
export default faultInjector(TRADING_METHODS);
