import type { Metadata } from "next";
import { CatalogView } from "~/components/catalog/catalog-view";

export const metadata: Metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Catalog of complementary garments</h1>
      <CatalogView />
    </>
  );
}
