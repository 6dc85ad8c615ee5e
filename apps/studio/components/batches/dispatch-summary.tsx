"use client";

import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { batchCost } from "./batch-cost";

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
  const { total, after, shortfall, tooMany, blocked } = batchCost({
    rowCount,
    badRows,
    price,
    balance,
  });
  return (
    <Card aria-labelledby="dispatch-heading">
      <h2 id="dispatch-heading" className="text-base font-semibold">
        3. Dispatch
      </h2>
      <dl className="mt-3 space-y-1 text-sm">
        <Figure label="Rows" testId="row-count" value={rowCount} />
        <Figure label="Rows to fix" testId="bad-row-count" value={badRows} />
        <Figure label="Price per row" value={price} />
        <Figure label="Total" testId="batch-price" value={total} unit="credits" strong />
        <Figure label="Balance" value={balance} />
        <Figure label="After this batch" testId="balance-after" value={after} />
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

/** One line of the summary: a label and its number ("…" while it loads). */
function Figure({
  label,
  value,
  testId,
  unit,
  strong = false,
}: {
  label: string;
  value: number | undefined;
  testId?: string;
  unit?: string;
  strong?: boolean;
}) {
  return (
    <div className={strong ? "flex justify-between font-medium" : "flex justify-between"}>
      <dt className={strong ? undefined : "text-stone-600"}>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value === undefined ? "…" : unit ? `${value} ${unit}` : value}
      </dd>
    </div>
  );
}
