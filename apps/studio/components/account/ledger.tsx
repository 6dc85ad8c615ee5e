"use client";

import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Card, Skeleton } from "~/components/ui/card";
import { Pagination } from "~/components/ui/pagination";
import { cn } from "~/lib/cn";
import { LEDGER_PAGE_SIZE as PAGE_SIZE } from "~/lib/first-page";
import { errorMessage, trpc } from "~/lib/trpc";

const KIND: Record<string, string> = {
  grant: "Credits granted",
  debit: "Garment generated",
  refund: "Refund",
  adjustment: "Adjustment",
};

/** Credit usage: every grant, debit and refund, newest first. */
export function Ledger() {
  const [offset, setOffset] = useState(0);
  const ledger = trpc.studio.ledger.useQuery(
    { limit: PAGE_SIZE, offset },
    { placeholderData: keepPreviousData },
  );
  const count = ledger.data?.count ?? 0;
  return (
    <Card aria-labelledby="usage-heading">
      <h2 id="usage-heading" className="text-base font-semibold">
        Usage
      </h2>
      {ledger.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(ledger.error)}
        </p>
      ) : !ledger.data ? (
        <div className="mt-4 space-y-2">
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-full" />
        </div>
      ) : ledger.data.entries.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">No credit movements yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="ledger">
            <thead className="text-xs text-stone-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  When
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  What
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Job
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Credits
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.data.entries.map((entry) => (
                <tr key={entry.id} className="border-t border-stone-200">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <time dateTime={entry.created_at}>
                      {new Date(entry.created_at).toLocaleString()}
                    </time>
                  </td>
                  <td className="py-2 pr-4">{KIND[entry.kind] ?? entry.kind}</td>
                  <td className="py-2 pr-4">
                    {entry.job_id ? (
                      <Link href={`/jobs/${entry.job_id}`} className="text-accent underline">
                        {entry.job_id.slice(-8)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td
                    className={cn(
                      "py-2 text-right tabular-nums",
                      entry.amount < 0 ? "text-stone-900" : "text-emerald-800",
                    )}
                  >
                    {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {count > PAGE_SIZE && (
        <Pagination
          label="Usage pages"
          className="mt-3"
          offset={offset}
          pageSize={PAGE_SIZE}
          count={count}
          onChange={setOffset}
        />
      )}
    </Card>
  );
}
