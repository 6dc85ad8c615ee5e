"use client";

import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";

/** The batch's price and the balance after it, and the one button that spends. */
export function DispatchSummary({
  rowCount,
  badRows,
  price,
  balance,
  pending,
  error,
  onDispatch,
}: {
  rowCount: number;
  badRows: number;
  price: number | undefined;
  balance: number | undefined;
  pending: boolean;
  error: string | null;
  onDispatch: () => void;
}) {
  const total = price === undefined ? undefined : price * rowCount;
  const after = total === undefined || balance === undefined ? undefined : balance - total;
  const shortfall = after !== undefined && after < 0 ? -after : 0;
  const tooMany = rowCount > 1000;
  const blocked = badRows > 0 || shortfall > 0 || tooMany || after === undefined || rowCount === 0;
  const show = (value: number | undefined) => (value === undefined ? "…" : value);
  return (
    <Card aria-labelledby="dispatch-heading">
      <h2 id="dispatch-heading" className="text-base font-semibold">
        3. Dispatch
      </h2>
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex justify-between">
          <dt className="text-stone-600">Rows</dt>
          <dd className="tabular-nums" data-testid="row-count">
            {rowCount}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Rows to fix</dt>
          <dd className="tabular-nums" data-testid="bad-row-count">
            {badRows}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Price per row</dt>
          <dd className="tabular-nums">{show(price)}</dd>
        </div>
        <div className="flex justify-between font-medium">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="batch-price">
            {total === undefined ? "…" : `${total} credits`}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">Balance</dt>
          <dd className="tabular-nums">{show(balance)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-stone-600">After this batch</dt>
          <dd className="tabular-nums" data-testid="balance-after">
            {show(after)}
          </dd>
        </div>
      </dl>
      <div role="status" className="mt-3 space-y-1 text-sm text-red-800">
        {badRows > 0 && (
          <p>Fix the {badRows === 1 ? "marked row" : `${badRows} marked rows`} first.</p>
        )}
        {shortfall > 0 && (
          <p data-testid="shortfall">The balance is {shortfall} credits short of this batch.</p>
        )}
        {tooMany && <p>A batch takes at most 1,000 rows; split the file.</p>}
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-800" data-testid="dispatch-error">
          {error}
        </p>
      )}
      <Button className="mt-4 w-full" disabled={blocked || pending} onClick={onDispatch}>
        {pending ? "Sending…" : `Dispatch ${rowCount} ${rowCount === 1 ? "row" : "rows"}`}
      </Button>
      <p className="mt-2 text-xs text-stone-600">
        Nothing is charged until you dispatch; every failed row is refunded. The same file again
        charges nothing.
      </p>
    </Card>
  );
}
