import type { PrismaClient } from "@garment/db";
import type { JobStatus } from "@garment/schemas";
import type { Caller } from "../../auth/caller";
import { resourceNotFound } from "../../errors";
import type { ReferenceData } from "../reference/reference-data";

/** A garment's spec as the export names it (category by name, not by id). */
export interface ExportedSpec {
  category: string;
  color: string;
  material: string;
  pattern: string;
  fit: string;
  length: string;
}

/** One row of a batch export: the product (its row's request) and its complement, if any. */
export interface BatchExportRow {
  row: number;
  jobId: string;
  sku: string | null;
  productName: string;
  product: ExportedSpec;
  status: JobStatus;
  failureReason: string | null;
  complementName: string;
  /** The job the complement comes from: the row's, or its approved variant's. */
  complementJobId: string | null;
  /** Null until the job succeeded (a failed or unfinished row has no complement). */
  complement: ExportedSpec | null;
  description: string;
  /** The styling engine's reasons, one line per decision. */
  rationale: string[];
  /** The final image, once the job succeeded. */
  image: { artifactId: string; storageKey: string; contentType: string } | null;
}

export interface BatchExport {
  batchId: string;
  rows: BatchExportRow[];
}

type SpecSource = Record<string, unknown> | null | undefined;

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A batch as the exports (CSV, zip) show it: per row in order, the product as submitted and the
 * complement as generated (its catalog entry's spec and description, the plan's rationale, the
 * final image). `owner` is the caller's client and mode (another client's batch is 404), or
 * `signed` when a signed export link already proved the batch was handed to its owner.
 */
export async function readBatchExport(
  db: PrismaClient,
  reference: Pick<ReferenceData, "category">,
  owner: Pick<Caller, "clientId" | "mode"> | "signed",
  batchId: string,
): Promise<BatchExport> {
  const batch = await db.batch.findFirst({
    where:
      owner === "signed"
        ? { id: batchId }
        : { id: batchId, clientId: owner.clientId, mode: owner.mode },
    select: { id: true },
  });
  if (!batch) throw resourceNotFound("batch");
  const jobs = await db.job.findMany({
    where: { batchId: batch.id },
    orderBy: { batchRow: "asc" },
    select: {
      id: true,
      batchRow: true,
      sku: true,
      request: true,
      status: true,
      failureReason: true,
      catalog: { select: { spec: true, description: true } },
      artifacts: {
        where: { role: "final" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { id: true, storageKey: true, contentType: true, meta: true },
      },
    },
  });
  const approved = await approvedVariants(
    db,
    jobs.map((job) => job.id),
  );
  const categoryName = async (id: unknown) =>
    typeof id === "string" ? ((await reference.category(id))?.name ?? id) : "";
  const specOf = async (source: SpecSource): Promise<ExportedSpec> => ({
    category: await categoryName(source?.garment_category_public_id),
    color: text(source?.color),
    material: text(source?.material),
    pattern: text(source?.pattern),
    fit: text(source?.fit),
    length: text(source?.length),
  });
  const rows: BatchExportRow[] = [];
  for (const job of jobs) {
    const request = job.request as SpecSource;
    const succeeded = job.status === "SUCCESS";
    // The product's approved variant, when the stylist chose one, is what the catalog shows.
    const variant = approved.get(job.id);
    const entry = variant ?? (succeeded ? job.catalog : null);
    const catalogSpec = entry?.spec as SpecSource;
    const final = variant ? variant.artifact : succeeded ? job.artifacts[0] : undefined;
    const plan = (final?.meta as { plan?: { rationale?: unknown } } | null)?.plan;
    rows.push({
      row: job.batchRow ?? 0,
      jobId: job.id,
      sku: job.sku,
      productName: text(request?.display_name),
      product: await specOf(request),
      status: job.status,
      failureReason: job.failureReason,
      complementName: text(catalogSpec?.display_name),
      complement: catalogSpec ? await specOf(catalogSpec) : null,
      complementJobId: variant?.jobId ?? (succeeded ? job.id : null),
      description: entry?.description ?? "",
      rationale: Array.isArray(plan?.rationale) ? plan.rationale.map(text) : [],
      image: final
        ? { artifactId: final.id, storageKey: final.storageKey, contentType: final.contentType }
        : null,
    });
  }
  return { batchId: batch.id, rows };
}

/**
 * The approved catalog entry among each row job's variants (approving one supersedes the row's
 * own entry), with its final image, keyed by the row's job.
 */
async function approvedVariants(db: PrismaClient, rowJobIds: string[]) {
  const entries = await db.catalogEntry.findMany({
    where: { status: "approved", job: { variantOf: { in: rowJobIds } } },
    select: {
      spec: true,
      description: true,
      artifactId: true,
      job: { select: { id: true, variantOf: true } },
    },
  });
  const artifacts = await db.artifact.findMany({
    where: { id: { in: entries.map((entry) => entry.artifactId) } },
    select: { id: true, storageKey: true, contentType: true, meta: true },
  });
  const byId = new Map(artifacts.map((artifact) => [artifact.id, artifact]));
  const byRow = new Map<
    string,
    {
      jobId: string;
      spec: unknown;
      description: string;
      artifact: (typeof artifacts)[number] | undefined;
    }
  >();
  for (const entry of entries) {
    if (!entry.job.variantOf) continue;
    byRow.set(entry.job.variantOf, {
      jobId: entry.job.id,
      spec: entry.spec,
      description: entry.description,
      artifact: byId.get(entry.artifactId),
    });
  }
  return byRow;
}
