import { unstorableTextDetail, zodIssuesToDetail } from "@garment/schemas";
import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { atTheEdge, type EdgeSession } from "../../edge/pipeline";
import { authorize } from "../../edge/run-operation";
import { unauthenticated, validationFailed } from "../../errors";
import { errors, PublicIdPath } from "../../openapi/document";
import { PublicIdInput } from "../../operations/public-id";
import { readBatchExport, type BatchExport } from "../../services/batches/batch-export";
import { batchExportCsv } from "../../services/batches/export-csv";
import { imageFileNames } from "../../services/batches/export-file-names";
import { streamBatchZip } from "../../services/batches/export-zip";
import type { AppRuntime } from "../../runtime/app-runtime";
import { publicOrigin, type HttpRequest, type RestRoute } from "../route";

// GET /v1/batches/{public_id}/export.csv and /export.zip — our extension. Not operations: they
// answer a file (the zip streamed), not JSON; they go through the same edge (authentication,
// rate limit, request log) as every route, and read the batch as GET /v1/batches/{id} does.

/**
 * The link of an image in the export: the artifact route without a signature, which never
 * expires and serves the image to the owner's Bearer key (a signed URL would stop working
 * after 15 minutes, and a long-lived signature would be a password inside a shareable file).
 */
export function stableImageLink(origin: string, artifactId: string): string {
  return `${origin}/v1/artifacts/${artifactId}/image`;
}

/** The batch id of the path, checked as the operations check `{public_id}` (422 in `path`). */
function batchIdOf(http: HttpRequest): string {
  const raw = { public_id: http.params.public_id ?? "" };
  const unstorable = unstorableTextDetail(raw, "path");
  if (unstorable.length > 0) throw validationFailed(unstorable);
  const parsed = PublicIdInput.safeParse(raw);
  if (!parsed.success) throw validationFailed(zodIssuesToDetail(parsed.error.issues, raw, "path"));
  return parsed.data.public_id;
}

/**
 * Who may read the export: a link signed by `batches.exportLinks` (the Studio's download
 * buttons) needs no credential while valid; otherwise a Bearer key with `jobs:read`.
 */
async function ownerOf(runtime: AppRuntime, session: EdgeSession, http: HttpRequest, id: string) {
  const expires = http.url.searchParams.get("expires");
  const signature = http.url.searchParams.get("signature");
  if (runtime.signer.verifyBatchExport(id, expires, signature)) return "signed" as const;
  if (signature && !http.request.headers.get("authorization"))
    throw unauthenticated("The export link has expired or is invalid; ask for a fresh one.");
  const caller = await session.authenticate();
  authorize({ capability: "jobs:read" }, caller);
  return caller;
}

async function exportOf(
  runtime: AppRuntime,
  session: EdgeSession,
  http: HttpRequest,
): Promise<{ exported: BatchExport; csv: string; fileNames: Map<string, string> }> {
  const batchId = batchIdOf(http);
  const owner = await ownerOf(runtime, session, http, batchId);
  const exported = await readBatchExport(runtime.db, runtime.reference, owner, batchId);
  const fileNames = imageFileNames(exported.rows);
  const csv = batchExportCsv(
    exported.rows,
    (artifactId) => stableImageLink(publicOrigin(runtime, http), artifactId),
    fileNames,
  );
  return { exported, csv, fileNames };
}

const attachment = (name: string) => `attachment; filename="${name}"`;

const documented = (format: "csv" | "zip"): { document: ZodOpenApiOperationObject } => ({
  document: {
    operationId: format === "csv" ? "exportBatchCsv" : "exportBatchZip",
    tags: ["Extensions"],
    summary:
      format === "csv"
        ? "Export a batch as CSV: product → complement, rationale, stable image link"
        : "Export a batch's final images as a zip named by sku, with the CSV",
    description: `${
      format === "csv"
        ? "Our extension, not a route of the original API. One row per batch row, in order: `row, sku, product_name, product_category, product_color, product_material, product_pattern, product_fit, product_length, status, failure_reason, complement_name, complement_category, complement_color, complement_material, complement_pattern, complement_fit, complement_length, description, rationale, image_url, image_file, job_id, complement_job_id`. The complement is the catalog entry of the row's job, or of its approved variant when one was approved (`complement_job_id` names whose). UTF-8 with a byte-order mark, every cell quoted, CRLF; a cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so spreadsheets never run it. `image_url` is stable: `/v1/artifacts/{id}/image` without a signature, which never expires and serves the image to the owner's Bearer key. A row whose job has not succeeded has no complement and no image."
        : "Our extension, not a route of the original API. Streamed: `batch-<id>.csv` (the CSV export) and `images/<name>` for each succeeded row, `<name>` being its sku with anything but letters, digits, `.`, `_`, `-` replaced by `_` (or `row-<row>` without a sku), `-2`, `-3`… appended to a name already taken (ignoring case). The CSV's `image_file` column names each row's file."
    } A Bearer key with \`jobs:read\`, or a link signed by the tRPC query \`batches.exportLinks\` (\`?expires=&signature=\`, valid 15 minutes), which needs no key.`,
    responses: {
      "200": {
        description: format === "csv" ? "The CSV." : "The zip.",
        content:
          format === "csv"
            ? { "text/csv": { schema: z.string() } }
            : { "application/zip": { schema: z.string().meta({ format: "binary" }) } },
      },
      ...errors(
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "RESOURCE_NOT_FOUND",
        "VALIDATION_ERROR",
        "RATE_LIMITED",
      ),
    },
    requestParams: {
      path: PublicIdPath,
      query: z.object({
        expires: z.string().optional().meta({ description: "Unix seconds (signed links only)." }),
        signature: z.string().optional(),
      }),
    },
    // A link signed by the tRPC query batches.exportLinks works without a key while valid.
    security: [{ bearerAuth: [] }, {}],
    "x-garment-extension": true,
  },
});

export const batchExportCsvRoute: RestRoute = {
  method: "GET",
  path: "/v1/batches/{public_id}/export.csv",
  documented: documented("csv"),
  serve: (edge, http) =>
    atTheEdge(edge, async (session) => {
      const { exported, csv } = await exportOf(edge.runtime, session, http);
      const response = new Response(csv, {
        status: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": attachment(`batch-${exported.batchId}.csv`),
          "cache-control": "private, no-store",
        },
      });
      return { value: response, status: 200, creditsMoved: 0, requestLogged: false };
    }),
};

export const batchExportZipRoute: RestRoute = {
  method: "GET",
  path: "/v1/batches/{public_id}/export.zip",
  documented: documented("zip"),
  serve: (edge, http) =>
    atTheEdge(edge, async (session) => {
      const { exported, csv, fileNames } = await exportOf(edge.runtime, session, http);
      const body = streamBatchZip(edge.runtime.storage, {
        csv: { name: `batch-${exported.batchId}.csv`, text: csv },
        rows: exported.rows,
        fileNames,
      });
      const response = new Response(body, {
        status: 200,
        headers: {
          "content-type": "application/zip",
          "content-disposition": attachment(`batch-${exported.batchId}.zip`),
          "cache-control": "private, no-store",
        },
      });
      return { value: response, status: 200, creditsMoved: 0, requestLogged: false };
    }),
};
