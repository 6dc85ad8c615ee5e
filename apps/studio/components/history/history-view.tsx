"use client";

import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { StatusBadge } from "~/components/status-badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { Input, Label, Select } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { historyInput, HISTORY_PAGE_SIZE, offsetParam } from "~/lib/first-page";
import { JOB_STATUSES } from "~/lib/schemas";
import { errorMessage, trpc } from "~/lib/trpc";

/** Start of a day in the stylist's time zone, as an ISO instant. */
const dayStart = (date: string, plusDays = 0) => {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export function HistoryView() {
  // Filters and page live in the URL: shareable, and the back button undoes a change.
  const router = useRouter();
  const params = useSearchParams();
  const status = params.get("status") ?? "";
  const category = params.get("category") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const offset = offsetParam(params.get("offset"));
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    router.push(query ? `/history?${query}` : "/history", { scroll: false });
  };
  const filter = (key: string, value: string) => update({ [key]: value, offset: "" });
  const setOffset = (value: number) => update({ offset: value > 0 ? String(value) : "" });
  const categories = trpc.reference.garmentCategories.useQuery();
  const categoryName = new Map(
    categories.data?.garment_categories.map((c) => [c.public_id, c.name]) ?? [],
  );
  const history = trpc.studio.history.useQuery(
    historyInput({
      status,
      category,
      offset,
      createdAfter: from ? dayStart(from) : "",
      createdBefore: to ? dayStart(to, 1) : "",
    }),
    {
      placeholderData: keepPreviousData,
      // Keep unfinished jobs moving without a reload.
      refetchInterval: (q) =>
        q.state.data?.jobs.some((j) => j.status === "NOT_STARTED" || j.status === "IN_PROGRESS")
          ? 2000
          : false,
    },
  );
  const count = history.data?.count ?? 0;

  return (
    <div className="space-y-6">
      <Card>
        <h2 className="sr-only">Filters</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <Label htmlFor="filter-status">Status</Label>
            <Select
              id="filter-status"
              value={status}
              onChange={(e) => filter("status", e.target.value)}
            >
              <option value="">Any status</option>
              {Object.entries(JOB_STATUSES).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="filter-category">Product category</Label>
            <Select
              id="filter-category"
              value={category}
              onChange={(e) => filter("category", e.target.value)}
            >
              <option value="">Any category</option>
              {categories.data?.garment_categories.map((c) => (
                <option key={c.public_id} value={c.public_id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="filter-from">From</Label>
            <Input
              id="filter-from"
              type="date"
              value={from}
              onChange={(e) => filter("from", e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor="filter-to">To</Label>
            <Input
              id="filter-to"
              type="date"
              value={to}
              onChange={(e) => filter("to", e.target.value)}
            />
          </div>
        </div>
      </Card>

      {history.error ? (
        <Card role="alert">
          <p className="text-sm text-red-800">
            Could not load the history: {errorMessage(history.error)}
          </p>
          <Button variant="secondary" className="mt-3" onClick={() => void history.refetch()}>
            Try again
          </Button>
        </Card>
      ) : !history.data ? (
        <ul
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
          aria-label="Loading jobs"
        >
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i}>
              <Skeleton className="aspect-square w-full" />
              <Skeleton className="mt-2 h-4 w-2/3" />
            </li>
          ))}
        </ul>
      ) : history.data.jobs.length === 0 ? (
        <Card className="text-center">
          <p className="text-sm text-stone-700">
            {status || category || from || to ? "No job matches these filters." : "No jobs yet."}
          </p>
          <Link href="/generate" className={buttonClass("primary", "mt-4")}>
            Design a garment
          </Link>
        </Card>
      ) : (
        <ul
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
          data-testid="history-list"
        >
          {history.data.jobs.map((job) => (
            <li key={job.public_id}>
              <Link
                href={`/jobs/${job.public_id}`}
                className="block rounded-lg border border-stone-200 bg-white p-3 hover:border-stone-400"
              >
                <div className="relative aspect-square w-full overflow-hidden rounded bg-stone-100">
                  {job.thumbnail ? (
                    <img
                      src={job.thumbnail.url}
                      alt=""
                      loading="lazy"
                      className="absolute inset-0 size-full object-contain"
                    />
                  ) : (
                    <span className="absolute inset-0 flex items-center justify-center text-xs text-stone-500">
                      {job.status === "FAILURE" ? "No image" : "Rendering…"}
                    </span>
                  )}
                </div>
                <div className="mt-2 flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-medium">
                    {categoryName.get(job.garment_category_public_id) ?? "Garment"} · {job.color}
                  </span>
                  <StatusBadge status={job.status} />
                </div>
                <p className="mt-1 truncate text-xs text-stone-600">
                  {job.material}, {job.pattern} ·{" "}
                  <time dateTime={job.created_at}>{new Date(job.created_at).toLocaleString()}</time>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {count > 0 && (
        <Pagination
          offset={offset}
          pageSize={HISTORY_PAGE_SIZE}
          count={count}
          onChange={setOffset}
        />
      )}
    </div>
  );
}
