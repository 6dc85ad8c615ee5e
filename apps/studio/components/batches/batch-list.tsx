"use client";

import Link from "next/link";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { batchesInput } from "~/lib/first-page";
import { JOB_STATUSES } from "~/lib/schemas";
import { errorMessage, trpc } from "~/lib/trpc";
import { isBatchFinished, STATUS_ORDER } from "./batch-state";

const POLL_MS = 3000;
const cell = "px-3 py-2 text-right tabular-nums";

/**
 * The client's batches, newest first, a page at a time: the URL holds the page's cursor, so the
 * server renders each page (paging works without JavaScript) and the back button goes back.
 */
export function BatchList({ cursor }: { cursor: string }) {
  const list = trpc.batches.list.useQuery(batchesInput(cursor), {
    // Keep running batches moving without a reload.
    refetchInterval: (query) =>
      query.state.data?.batches.some((batch) => !isBatchFinished(batch)) ? POLL_MS : false,
  });

  if (list.error) {
    return (
      <Card role="alert">
        <p className="text-sm text-red-800">
          Could not load the batches: {errorMessage(list.error)}
        </p>
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
          <Link href="/batches" className={buttonClass("secondary")}>
            Newest batches
          </Link>
        </div>
      </Card>
    );
  }
  if (!list.data) return <Skeleton className="h-64 w-full" />;
  const { batches, next_cursor } = list.data;
  if (batches.length === 0 && !cursor) {
    return (
      <Card className="text-center">
        <p className="text-sm text-stone-700">
          No batches yet. Upload a product feed to generate a complement for every product.
        </p>
      </Card>
    );
  }

  return (
    <Card className="p-0">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm" data-testid="batch-list">
          <caption className="sr-only">Batches, newest first</caption>
          <thead className="bg-stone-50 text-xs text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Dispatched
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Rows
              </th>
              {STATUS_ORDER.map((status) => (
                <th key={status} scope="col" className="px-3 py-2 text-right font-medium">
                  {JOB_STATUSES[status]}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Charged
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Refunded
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                State
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr
                key={batch.batch_id}
                data-batch={batch.batch_id}
                className="border-t border-stone-200"
              >
                <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                  <Link href={`/batches/${batch.batch_id}`} className="text-accent underline">
                    {/* The browser's locale and time zone, which the server's render cannot know. */}
                    <time dateTime={batch.created_at} suppressHydrationWarning>
                      {new Date(batch.created_at).toLocaleString()}
                    </time>
                  </Link>
                </th>
                <td className={cell} data-testid="list-item-count">
                  {batch.item_count}
                </td>
                {STATUS_ORDER.map((status) => (
                  <td key={status} className={cell} data-testid={`list-count-${status}`}>
                    {batch.counts[status]}
                  </td>
                ))}
                <td className={cell} data-testid="list-charged">
                  {batch.credits_cost}
                </td>
                <td className={cell} data-testid="list-refunded">
                  {batch.credits_refunded}
                </td>
                <td className="px-3 py-2" data-testid="list-state">
                  {isBatchFinished(batch) ? "Finished" : "Running"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(cursor || next_cursor) && (
        <nav
          aria-label="Batch pages"
          className="flex justify-end gap-2 border-t border-stone-200 p-3"
        >
          {cursor && (
            <Link href="/batches" className={buttonClass("secondary")}>
              Newest batches
            </Link>
          )}
          {next_cursor && (
            <Link
              href={`/batches?cursor=${encodeURIComponent(next_cursor)}`}
              className={buttonClass("secondary")}
            >
              Older batches
            </Link>
          )}
        </nav>
      )}
    </Card>
  );
}
