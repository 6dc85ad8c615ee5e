import type { PrismaClient } from "@garment/db";
import { GARMENT_CATEGORIES, PILOT_BRANDS } from "@garment/styling";
import { COMPLEMENTARY_GARMENT_OPERATION } from "../services/dispatch/operation";

/**
 * Upserts the reference data every deployment needs: the garment taxonomy (stable ULIDs from
 * @garment/styling), pilot brand style guides and the priced operation. Idempotent; prices
 * and enabled flags an operator changed are left alone.
 */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const [index, category] of GARMENT_CATEGORIES.entries()) {
        const data = {
          slug: category.slug,
          name: category.name,
          slot: category.slot,
          silhouette: category.silhouette,
          sortOrder: index,
        };
        await tx.garmentCategory.upsert({
          where: { id: category.publicId },
          create: { id: category.publicId, ...data },
          update: data,
        });
      }
      for (const brand of PILOT_BRANDS) {
        const data = {
          slug: brand.slug,
          name: brand.name,
          styleGuide: JSON.parse(JSON.stringify(brand)) as object,
        };
        await tx.pilotBrand.upsert({
          where: { id: brand.publicId },
          create: { id: brand.publicId, ...data },
          update: data,
        });
      }
      await tx.operation.upsert({
        where: { name: COMPLEMENTARY_GARMENT_OPERATION.name },
        create: {
          name: COMPLEMENTARY_GARMENT_OPERATION.name,
          opClass: COMPLEMENTARY_GARMENT_OPERATION.opClass,
          creditsCost: COMPLEMENTARY_GARMENT_OPERATION.defaultCreditsCost,
          enabled: true,
        },
        update: {},
      });
      // Dozens of upserts: past Prisma's 5 s default on a loaded machine (seen at load 30).
    },
    { timeout: 60_000 },
  );
}
