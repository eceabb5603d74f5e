/**
 * "Open paper account": the one way into trading when there is no account yet (the
 * dashboard and the order ticket). `open` runs the caller's own openTradingAccount document,
 * whose answer carries the fields that caller shows next.
 */
import { useState } from "react";
import type { CombinedError } from "urql";
import { QueryError } from "../components/QueryState";

export function OpenAccount({ open, why }: { open(): Promise<CombinedError | undefined>; why: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError>();
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setError(await open());
    setBusy(false);
  };
  return (
    <div>
      <p>{why} A paper account trades stocks and ETFs at their current quotes with virtual cash: no real money is involved.</p>
      <button type="button" className="primary" aria-disabled={busy} onClick={() => void onClick()}>
        Open paper account
      </button>
      {error && <QueryError error={error} />}
    </div>
  );
}
