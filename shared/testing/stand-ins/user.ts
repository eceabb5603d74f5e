import { USER_METHODS } from "../../../workers/user/src/contract";
import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-user for a caller under test (see ../fault-injector.ts). */
export default faultInjector(USER_METHODS);
