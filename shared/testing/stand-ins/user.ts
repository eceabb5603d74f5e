import { faultInjector } from "../fault-injector";

/** Stands in front of fafnir-user for a caller under test (see ../fault-injector.ts). */
export default faultInjector(["health", "createProfile", "profiles", "overview", "updateProfile", "watchlist", "addToWatchlist", "removeFromWatchlist", "removeUser"]);
