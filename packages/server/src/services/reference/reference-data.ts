import type { DatabaseHandle, NotificationSubscription, PrismaClient } from "@garment/db";

/** The channel the reference tables' triggers announce changes on (payload: the table). */
export const REFERENCE_DATA_CHANGED_CHANNEL = "reference_data_changed";

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
 * Reference data (categories, brands, operations) read from the database and kept in memory:
 * every dispatch needs it, and it changes rarely (the operator's switch, the admin CLI, a
 * deploy). Once `start`ed, every change on any instance reaches this one as soon as it commits:
 * the tables' triggers announce it and the next read loads afresh. The TTL bounds staleness
 * only while that announcement channel is down (and before `start`).
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
  /** Bumped by every invalidation: a load that raced one must not count as fresh. */
  private generation = 0;
  private subscription: NotificationSubscription | null = null;

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

  /** Starts hearing the database's change announcements. */
  async start(database: Pick<DatabaseHandle, "listen">): Promise<void> {
    this.subscription = await database.listen(REFERENCE_DATA_CHANGED_CHANNEL, {
      onNotification: () => this.invalidate(),
      // Announcements sent while the connection was down are lost: reload on the next read.
      onConnectionChange: () => this.invalidate(),
    });
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = null;
  }

  invalidate(): void {
    this.generation += 1;
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
    const generation = this.generation;
    const [categories, brands, operations] = await Promise.all([
      this.db.garmentCategory.findMany({ orderBy: { sortOrder: "asc" } }),
      this.db.pilotBrand.findMany({ orderBy: { slug: "asc" } }),
      this.db.operation.findMany({ orderBy: { name: "asc" } }),
    ]);
    this.cache = {
      // Rows read before a change was announced serve the reads that waited for them, but the
      // next read loads again.
      loadedAt: generation === this.generation ? this.now() : Number.NEGATIVE_INFINITY,
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
