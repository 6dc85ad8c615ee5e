"use client";

import type { BatchJobResponse } from "@garment/schemas";
import Link from "next/link";
import { useRef } from "react";
import { StatusBadge } from "~/components/status-badge";
import { SpacerRow, useVirtualRows } from "./virtual-rows";

const COLUMNS = 6;
// A signed image URL lives 15 minutes; one is kept this long so polls do not reload the images.
const KEEP_URL_MS = 10 * 60 * 1000;

/**
 * Each job's first signed URL, kept across polls: every poll signs new URLs, and swapping the
 * src would reload every thumbnail in view once a second.
 */
function useSteadyImageUrls() {
  const urls = useRef(new Map<string, { url: string; at: number }>());
  return (job: BatchJobResponse): string | null => {
    if (!job.image_url) return null;
    const kept = urls.current.get(job.job_id);
    if (kept && Date.now() - kept.at < KEEP_URL_MS) return kept.url;
    urls.current.set(job.job_id, { url: job.image_url, at: Date.now() });
    return job.image_url;
  };
}

/** The batch's rows, live: status, thumbnail, failure reason and refund. Windowed for 1,000 rows. */
export function BatchJobsGrid({ jobs }: { jobs: readonly BatchJobResponse[] }) {
  const imageOf = useSteadyImageUrls();
  const { scrollRef, virtualizer, items, paddingTop, paddingBottom } = useVirtualRows(
    jobs.length,
    57,
  );
  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label="Jobs of the batch"
      className="max-h-[36rem] overflow-auto rounded-md border border-stone-200"
      data-testid="batch-grid"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Jobs of the batch, one per row of the file</caption>
        <thead className="sticky top-0 z-10 bg-stone-50 text-left text-xs text-stone-700">
          <tr>
            <th scope="col" className="px-2 py-2">
              Row
            </th>
            <th scope="col" className="px-2 py-2">
              Image
            </th>
            <th scope="col" className="px-2 py-2">
              SKU
            </th>
            <th scope="col" className="px-2 py-2">
              Complement
            </th>
            <th scope="col" className="px-2 py-2">
              Status
            </th>
            <th scope="col" className="px-2 py-2">
              Detail
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} columns={COLUMNS} />
          {items.map((item) => {
            const job = jobs[item.index];
            if (!job) return null;
            const image = imageOf(job);
            return (
              <tr
                key={job.job_id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row={job.row + 1}
                data-status={job.status}
                className="border-t border-stone-100"
              >
                <th scope="row" className="px-2 text-right font-normal text-stone-600 tabular-nums">
                  {job.row + 1}
                </th>
                <td className="px-2 py-1">
                  <div className="size-12 overflow-hidden rounded bg-stone-100">
                    {image && (
                      <img
                        src={image}
                        alt={`Complement for row ${job.row + 1}`}
                        loading="lazy"
                        className="size-full object-contain"
                      />
                    )}
                  </div>
                </td>
                <td className="px-2 font-mono text-xs">{job.sku ?? "—"}</td>
                <td className="px-2">
                  <Link href={`/jobs/${job.job_id}`} className="underline-offset-2 hover:underline">
                    {job.display_name || "Complementary garment"}
                  </Link>
                </td>
                <td className="px-2">
                  <StatusBadge status={job.status} />
                </td>
                <td className="px-2 text-xs text-stone-700">
                  {job.status === "FAILURE"
                    ? `${job.failure_reason ?? "Failed"} · ${job.credits_cost} credits refunded`
                    : ""}
                </td>
              </tr>
            );
          })}
          <SpacerRow height={paddingBottom} columns={COLUMNS} />
        </tbody>
      </table>
    </div>
  );
}
