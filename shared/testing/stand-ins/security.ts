import { SECURITY_METHODS } from "../../../workers/security/src/contract";
import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-security for a caller under test (see ../fault-injector.ts). */
export default faultInjector(SECURITY_METHODS);
