import type { Metadata } from "next";
import { CatalogView } from "~/components/catalog/catalog-view";
import { CATALOG_PAGE_SIZE } from "~/lib/first-page";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage() {
  await Promise.all([
    serverTrpc.reference.garmentCategories.prefetch(),
    serverTrpc.catalog.complementaryGarments.prefetch({ limit: CATALOG_PAGE_SIZE, offset: 0 }),
  ]);
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold">Catalog of complementary garments</h1>
      <CatalogView />
    </HydrateClient>
  );
}
