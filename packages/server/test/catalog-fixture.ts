import type { DataMode } from "@garment/db";
import { GARMENT_CATEGORIES } from "@garment/styling";
import { ulid } from "ulid";
import type { AppRuntime } from "../src/runtime/app-runtime";

export const categoryId = (slug: string) => {
  const category = GARMENT_CATEGORIES.find((c) => c.slug === slug);
  if (!category) throw new Error(`no category ${slug}`);
  return category.publicId;
};
export const T_SHIRT = categoryId("t-shirt");
export const JEANS = categoryId("jeans");
export const SHIRT = categoryId("shirt");
export const DRESS = categoryId("dress");
export const SNEAKERS = categoryId("sneakers");
export const BLAZER = categoryId("blazer");
export const UNKNOWN_CATEGORY = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/**
 * One catalog entry as the workflow's complete step writes it (a succeeded job, its final
 * artifact and the entry), for a client in a mode.
 */
export async function aCatalogEntry(
  runtime: AppRuntime,
  clientId: string,
  options: {
    garmentCategoryId: string;
    productCategoryId?: string;
    mode?: DataMode;
    status?: "active" | "archived";
    createdAt?: Date;
  },
) {
  const jobId = ulid();
  const artifactId = ulid();
  const entryId = ulid();
  const mode = options.mode ?? "live";
  const createdAt = options.createdAt ?? new Date();
  await runtime.db.job.create({
    data: {
      id: jobId,
      clientId,
      mode,
      requestId: ulid(),
      jobType: "COMPLEMENTARY_GARMENT_GENERATOR",
      status: "SUCCESS",
      request: {},
      resolved: {},
      creditsCost: 5,
    },
  });
  await runtime.db.artifact.create({
    data: {
      id: artifactId,
      jobId,
      kind: "catalog_image",
      role: "final",
      storageKey: `jobs/${jobId}/${artifactId}.png`,
      contentType: "image/png",
      width: 1024,
      height: 1024,
    },
  });
  const spec = {
    public_id: entryId,
    display_name: "Camel Slim Trousers",
    garment_category_public_id: options.garmentCategoryId,
    color: "camel",
    material: "wool",
    pattern: "solid",
    fit: "slim",
    length: "full",
    metadata: { sku: "A-1" },
  };
  await runtime.db.catalogEntry.create({
    data: {
      id: entryId,
      clientId,
      mode,
      jobId,
      artifactId,
      status: options.status ?? "active",
      garmentCategoryId: options.garmentCategoryId,
      productCategoryId: options.productCategoryId ?? T_SHIRT,
      spec,
      description: "Camel wool trousers, slim.",
      createdAt,
    },
  });
  return { id: entryId, jobId, artifactId, spec };
}
