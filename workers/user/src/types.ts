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
