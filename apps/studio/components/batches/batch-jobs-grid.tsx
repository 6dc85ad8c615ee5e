"use client";

import type { BatchJobResponse } from "@garment/schemas";
import Link from "next/link";
import { useRef } from "react";
import { StatusBadge } from "~/components/status-badge";
import { NumberedRow, VirtualTable } from "./virtual-rows";

const HEADERS = ["Row", "Image", "SKU", "Complement", "Status", "Detail"];
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
  return (
    <VirtualTable
      count={jobs.length}
      estimatedRowHeight={57}
      caption="Jobs of the batch, one per row of the file"
      headers={HEADERS}
      className="max-h-[36rem]"
      focusableLabel="Jobs of the batch"
      testId="batch-grid"
      renderRow={(index, measured) => {
        const job = jobs[index];
        if (!job) return null;
        const image = imageOf(job);
        return (
          <NumberedRow
            key={job.job_id}
            measured={measured}
            number={job.row + 1}
            dataset={{ "data-status": job.status }}
          >
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
          </NumberedRow>
        );
      }}
    />
  );
}
