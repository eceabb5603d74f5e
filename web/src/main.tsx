import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Route, Routes } from "react-router";
import { Provider } from "urql";
import { createClient } from "./graphql/client";
import { HealthPage } from "./pages/Health";
import { NotFoundPage } from "./pages/NotFound";
import { StockPage } from "./pages/Stock";

const client = createClient();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<HealthPage />} />
          <Route path="/stocks/:symbol" element={<StockPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
