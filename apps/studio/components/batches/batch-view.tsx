"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { buttonClass } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { JOB_STATUSES } from "~/lib/schemas";
import { errorMessage, trpc } from "~/lib/trpc";
import { BatchExports } from "./batch-exports";
import { isBatchFinished, STATUS_ORDER } from "./batch-state";
import { BatchJobsGrid } from "./batch-jobs-grid";
import { BatchProgressChart } from "./batch-progress-chart";
import { recordProgress, type ProgressSample } from "./progress-samples";

const POLL_MS = 1000;

/** A batch, live: counts, a chart of its progress and the grid of its jobs, polled until it ends. */
export function BatchView({ batchId, replayed }: { batchId: string; replayed: boolean }) {
  const utils = trpc.useUtils();
  const batch = trpc.batches.get.useQuery(
    { public_id: batchId },
    {
      refetchInterval: (query) =>
        query.state.data && isBatchFinished(query.state.data) ? false : POLL_MS,
      staleTime: 0,
    },
  );
  const [samples, setSamples] = useState<readonly ProgressSample[]>([]);
  const data = batch.data;
  const finished = !!data && isBatchFinished(data);

  useEffect(() => {
    if (data) setSamples((current) => recordProgress(current, data.counts, Date.now()));
  }, [data]);

  // Refunds land in the balance as jobs fail: show it as it stands once the batch ends.
  useEffect(() => {
    if (finished) void utils.credits.balance.invalidate();
  }, [finished, utils]);

  if (batch.error) {
    return (
      <Card role="alert">
        <h1 className="text-lg font-semibold">This batch could not be loaded</h1>
        <p className="mt-1 text-sm text-stone-700">{errorMessage(batch.error)}</p>
        <Link href="/batches/new" className={buttonClass("secondary", "mt-4")}>
          Upload a feed
        </Link>
      </Card>
    );
  }
  if (!data) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Batch</h1>
        <Skeleton className="mt-6 h-96 w-full" />
      </>
    );
  }

  const refunded = data.jobs
    .filter((job) => job.status === "FAILURE")
    .reduce((sum, job) => sum + job.credits_cost, 0);
  const done = data.counts.SUCCESS + data.counts.FAILURE;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Batch of {data.item_count} products</h1>
          <p className="mt-1 text-sm text-stone-600">
            Dispatched {new Date(data.created_at).toLocaleString()} ·{" "}
            <span data-testid="batch-charged">{data.credits_cost} credits charged</span>
            {refunded > 0 && <> · {refunded} refunded</>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {finished && <BatchExports batchId={batchId} />}
          <Link href="/batches/new" className={buttonClass("secondary")}>
            Upload another feed
          </Link>
        </div>
      </div>
      {replayed && (
        <p
          role="status"
          data-testid="batch-replayed"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
        >
          This file was already dispatched: here is that batch. Nothing was charged again.
        </p>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="text-base font-semibold">
            Progress
          </h2>
          <p
            className="mt-1 mb-3 text-sm text-stone-700"
            aria-live="polite"
            data-testid="batch-state"
          >
            {finished
              ? `Finished: ${data.counts.SUCCESS} done, ${data.counts.FAILURE} failed.`
              : `${done} of ${data.item_count} finished…`}
          </p>
          <BatchProgressChart samples={samples} />
        </Card>
        <Card aria-labelledby="counts-heading">
          <h2 id="counts-heading" className="text-base font-semibold">
            Jobs by status
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            {STATUS_ORDER.map((status) => (
              <div key={status} className="rounded-md bg-stone-50 p-3">
                <dt className="text-xs text-stone-600">{JOB_STATUSES[status]}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid={`count-${status}`}>
                  {data.counts[status]}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      <Card aria-labelledby="jobs-heading" className="mt-6">
        <h2 id="jobs-heading" className="mb-3 text-base font-semibold">
          Rows
        </h2>
        <BatchJobsGrid jobs={data.jobs} />
      </Card>
    </>
  );
}
