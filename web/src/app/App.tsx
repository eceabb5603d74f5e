/**
 * The routes of web.md. Landing, sign-in and sign-up come with the first page; every other
 * page is a chunk of its own, loaded when first visited.
 */
import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { HomePage } from "../pages/Home";
import { NotFoundPage } from "../pages/NotFound";
import { SignInPage } from "../pages/SignIn";
import { SignUpPage } from "../pages/SignUp";
import { Frame, RequireSession } from "./Frame";
import { SessionProvider } from "./session";

const page = <Name extends string, Props extends object>(load: () => Promise<Record<Name, React.ComponentType<Props>>>, name: Name) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const StockPage = page(() => import("../pages/Stock"), "StockPage");
const SearchPage = page(() => import("../pages/Search"), "SearchPage");
const WatchlistPage = page(() => import("../pages/Watchlist"), "WatchlistPage");
const SettingsPage = page(() => import("../pages/Settings"), "SettingsPage");
const AdminUsersPage = page(() => import("../pages/AdminUsers"), "AdminUsersPage");
const PortfolioPage = page(() => import("../pages/Portfolio"), "PortfolioPage");
const OrdersPage = page(() => import("../pages/Orders"), "OrdersPage");
const LeaderboardPage = page(() => import("../pages/Leaderboard"), "LeaderboardPage");

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
            <Route element={<Frame />}>
              <Route index element={<HomePage />} />
              <Route element={<RequireSession />}>
                <Route path="/stocks/:symbol" element={<StockPage />} />
                <Route path="/search" element={<SearchPage />} />
                <Route path="/watchlist" element={<WatchlistPage />} />
                <Route path="/settings" element={<SettingsPage />} />
                <Route path="/admin/users" element={<AdminUsersPage />} />
                <Route path="/portfolio" element={<PortfolioPage />} />
                <Route path="/orders" element={<OrdersPage />} />
                <Route path="/leaderboard" element={<LeaderboardPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </SessionProvider>
  );
}
