/** The user service's public types: callers import these with the entrypoint's type. */

export interface Profile {
  userId: string;
  firstName: string;
  lastName: string;
  createdAt: string;
  updatedAt: string;
}

export interface WatchlistItem {
  symbol: string;
  addedAt: string;
}

/** One user's profile (null when none) and watchlist: what a signed-in caller sees of themselves. */
export interface Overview {
  profile: Profile | null;
  watchlist: WatchlistItem[];
}
