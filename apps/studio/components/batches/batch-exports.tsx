"use client";

import { buttonClass } from "~/components/ui/button";
import { trpc } from "~/lib/trpc";

// The links are signed for as long as an image URL (15 minutes): fetched again well before.
const REFRESH_MS = 10 * 60 * 1000;

/**
 * Download buttons for the batch's exports. REST takes no session cookie, so the Studio asks for
 * signed links (batches.exportLinks) instead of linking /v1/batches/{id}/export.* bare.
 */
export function BatchExports({ batchId }: { batchId: string }) {
  const links = trpc.batches.exportLinks.useQuery(
    { public_id: batchId },
    { refetchInterval: REFRESH_MS, staleTime: REFRESH_MS },
  );
  if (!links.data) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="batch-exports">
      <a href={links.data.csv_url} download className={buttonClass("secondary")}>
        Export CSV
      </a>
      <a href={links.data.zip_url} download className={buttonClass("secondary")}>
        Export images (zip)
      </a>
    </div>
  );
}
