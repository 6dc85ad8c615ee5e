"use client";

import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CatalogStatusBadge } from "~/components/catalog/catalog-status-badge";
import { Card, Skeleton } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { CATALOG_PAGE_SIZE as PAGE_SIZE } from "~/lib/first-page";
import { errorMessage, trpc } from "~/lib/trpc";

/** Every complementary garment generated so far, filterable by the product it goes with. */
export function CatalogView() {
  const [category, setCategory] = useState("");
  const [offset, setOffset] = useState(0);
  const categories = trpc.reference.garmentCategories.useQuery();
  const names = new Map(
    categories.data?.garment_categories.map((c) => [c.public_id, c.name]) ?? [],
  );
  const catalog = trpc.catalog.complementaryGarments.useQuery(
    {
      limit: PAGE_SIZE,
      offset,
      ...(category ? { compatible_with_category_id: category } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const count = catalog.data?.count ?? 0;
  return (
    <div className="space-y-6">
      <Card>
        <div className="max-w-sm">
          <Label htmlFor="catalog-compatible">Goes with a product of category</Label>
          <Select
            id="catalog-compatible"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">Any category</option>
            {categories.data?.garment_categories.map((c) => (
              <option key={c.public_id} value={c.public_id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
      </Card>
      {catalog.error ? (
        <Card role="alert">
          <p className="text-sm text-red-800">{errorMessage(catalog.error)}</p>
        </Card>
      ) : !catalog.data ? (
        <ul
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
          aria-label="Loading the catalog"
        >
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i}>
              <Skeleton className="aspect-square w-full" />
            </li>
          ))}
        </ul>
      ) : catalog.data.complementary_garments.length === 0 ? (
        <Card className="text-center text-sm text-stone-700">
          {category
            ? "Nothing generated yet goes with this category."
            : "The catalog is empty: every finished job adds its garment here."}
        </Card>
      ) : (
        <ul
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
          data-testid="catalog-list"
        >
          {catalog.data.complementary_garments.map((entry) => (
            <li key={entry.public_id} data-entry-id={entry.public_id} data-status={entry.status}>
              <Link
                href={`/jobs/${entry.generation_job_public_id}`}
                className="block rounded-lg border border-stone-200 bg-white p-3 hover:border-stone-400"
              >
                <div className="relative aspect-square w-full overflow-hidden rounded bg-stone-100">
                  <img
                    src={entry.image_url}
                    alt=""
                    loading="lazy"
                    className="absolute inset-0 size-full object-contain"
                  />
                </div>
                <div className="mt-2 flex items-center gap-2">
                  <p className="truncate text-sm font-medium">
                    {entry.spec.display_name || names.get(entry.spec.garment_category_public_id)}
                  </p>
                  <CatalogStatusBadge status={entry.status} />
                </div>
                <p className="line-clamp-2 text-xs text-stone-600">{entry.description}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {count > PAGE_SIZE && (
        <Pagination offset={offset} pageSize={PAGE_SIZE} count={count} onChange={setOffset} />
      )}
    </div>
  );
}
