"use client";

import { CatalogStatusBadge } from "~/components/catalog/catalog-status-badge";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { cn } from "~/lib/cn";
import { errorMessage, trpc } from "~/lib/trpc";
import { VariantsRequest } from "./variants-request";

const POLL_MS = 1500;

/**
 * A finished job's variant group side by side (the root and every variant, with its status),
 * each with an Approve button: the approved one becomes the product's catalog entry and the
 * others leave the catalog (they stay here and in the history).
 */
export function VariantsCompare({ jobId, aspect }: { jobId: string; aspect: string }) {
  const utils = trpc.useUtils();
  const group = trpc.jobs.variants.list.useQuery(
    { public_id: jobId },
    {
      refetchInterval: (query) =>
        query.state.data?.variants.some(
          (v) => v.status === "NOT_STARTED" || v.status === "IN_PROGRESS",
        )
          ? POLL_MS
          : false,
      staleTime: 0,
    },
  );
  const approve = trpc.catalog.approve.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.jobs.variants.list.invalidate(),
        utils.catalog.complementaryGarments.invalidate(),
      ]);
    },
  });
  const variants = group.data?.variants ?? [];
  return (
    <Card aria-labelledby="variants-heading">
      <h2 id="variants-heading" className="text-base font-semibold">
        Variants
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        New seeds of the same spec, side by side. Approve one to make it the product&apos;s catalog
        entry; the others leave the catalog but stay in the history.
      </p>
      <div className="mt-4">
        <VariantsRequest jobId={jobId} />
      </div>
      {group.error ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {errorMessage(group.error)}
        </p>
      ) : variants.length > 1 ? (
        <ul
          className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
          data-testid="variants-compare"
        >
          {variants.map((v, index) => {
            const label = v.is_root ? "Original" : `Variant ${index}`;
            const approved = v.catalog_status === "approved";
            return (
              <li
                key={v.job_id}
                data-job-id={v.job_id}
                data-catalog-status={v.catalog_status ?? ""}
                className={cn(
                  "rounded-md border p-3",
                  approved ? "border-emerald-600 ring-2 ring-emerald-600" : "border-stone-200",
                )}
              >
                <div
                  className="relative w-full overflow-hidden rounded bg-stone-100"
                  style={{ aspectRatio: aspect }}
                >
                  {v.image_url ? (
                    <img
                      src={v.image_url}
                      alt={`${label}, seed ${v.seed ?? "unknown"}`}
                      className="absolute inset-0 size-full object-contain"
                    />
                  ) : v.status === "FAILURE" ? (
                    <p className="absolute inset-0 flex items-center justify-center p-2 text-center text-sm text-stone-600">
                      No image; refunded.
                    </p>
                  ) : (
                    <Skeleton className="absolute inset-0 rounded-none" />
                  )}
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  <span className="text-sm font-medium">{label}</span>
                  <StatusBadge status={v.status} />
                  <CatalogStatusBadge status={v.catalog_status} />
                </div>
                <p className="text-xs text-stone-600">Seed {v.seed ?? "?"}</p>
                {v.catalog_entry_id && !approved && (
                  <Button
                    variant="secondary"
                    className="mt-2"
                    disabled={approve.isPending}
                    onClick={() => approve.mutate({ public_id: v.catalog_entry_id ?? "" })}
                    aria-label={`Approve ${label}`}
                  >
                    Approve
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {approve.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(approve.error)}
        </p>
      )}
    </Card>
  );
}
