import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-security for a caller under test (see ../fault-injector.ts). */
export default faultInjector(["health", "access", "admins", "roles", "grantRole", "revokeRole", "removeUser"]);
