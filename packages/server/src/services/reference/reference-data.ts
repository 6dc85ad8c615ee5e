import type { PrismaClient } from "@garment/db";

export interface CategoryRecord {
  publicId: string;
  slug: string;
  name: string;
  slot: string;
  silhouette: string;
}

export interface BrandRecord {
  publicId: string;
  slug: string;
  name: string;
  styleGuide: unknown;
}

export interface OperationRecord {
  name: string;
  opClass: string;
  creditsCost: number;
  enabled: boolean;
}

/**
 * Reference data (categories, brands, operations) read from the database and kept briefly in
 * memory: every dispatch needs it, and it changes only through the admin CLI or a deploy.
 */
export class ReferenceData {
  private cache:
    | {
        loadedAt: number;
        categories: Map<string, CategoryRecord>;
        brands: Map<string, BrandRecord>;
        operations: Map<string, OperationRecord>;
      }
    | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async categories(): Promise<CategoryRecord[]> {
    return [...(await this.fresh()).categories.values()];
  }

  async category(publicId: string): Promise<CategoryRecord | undefined> {
    return (await this.fresh()).categories.get(publicId);
  }

  async brand(slug: string): Promise<BrandRecord | undefined> {
    return (await this.fresh()).brands.get(slug);
  }

  async brands(): Promise<BrandRecord[]> {
    return [...(await this.fresh()).brands.values()];
  }

  async operations(): Promise<OperationRecord[]> {
    return [...(await this.fresh()).operations.values()];
  }

  async operation(name: string): Promise<OperationRecord | undefined> {
    return (await this.fresh()).operations.get(name);
  }

  invalidate(): void {
    this.cache = undefined;
  }

  private async fresh() {
    if (!this.cache || this.now() - this.cache.loadedAt > this.ttlMs) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    if (!this.cache) throw new Error("Reference data failed to load");
    return this.cache;
  }

  private async load() {
    const [categories, brands, operations] = await Promise.all([
      this.db.garmentCategory.findMany({ orderBy: { sortOrder: "asc" } }),
      this.db.pilotBrand.findMany({ orderBy: { slug: "asc" } }),
      this.db.operation.findMany({ orderBy: { name: "asc" } }),
    ]);
    this.cache = {
      loadedAt: this.now(),
      categories: new Map(
        categories.map((c) => [
          c.id,
          { publicId: c.id, slug: c.slug, name: c.name, slot: c.slot, silhouette: c.silhouette },
        ]),
      ),
      brands: new Map(
        brands.map((b) => [
          b.slug,
          { publicId: b.id, slug: b.slug, name: b.name, styleGuide: b.styleGuide },
        ]),
      ),
      operations: new Map(
        operations.map((o) => [
          o.name,
          { name: o.name, opClass: o.opClass, creditsCost: o.creditsCost, enabled: o.enabled },
        ]),
      ),
    };
  }
}
