import { z } from "zod";
import { atTheEdge } from "../../edge/pipeline";
import { ApiError, resourceNotFound } from "../../errors";
import { errors, PublicIdPath } from "../../openapi/document";
import { findServableArtifact } from "../../services/jobs/find-servable-artifact";
import type { RestRoute } from "../route";

/**
 * GET /v1/artifacts/{public_id}/image?expires=&signature= — the signed URL handed to the
 * artifact's owner. Without a valid signature the owner's Bearer key works too; anyone else
 * gets 404. Not an operation: it answers bytes, and a valid signature needs no credential.
 */
export const artifactImageRoute: RestRoute = {
  method: "GET",
  path: "/v1/artifacts/{public_id}/image",
  documented: {
    document: {
      operationId: "getArtifactImage",
      tags: ["Jobs"],
      summary: "Download an artifact image (the signed `image_url`)",
      responses: {
        "200": {
          description: "The image.",
          content: { "image/png": { schema: z.string().meta({ format: "binary" }) } },
        },
        ...errors("UNAUTHENTICATED", "RESOURCE_NOT_FOUND", "RATE_LIMITED"),
      },
      description:
        "Works without a key while the signature is valid; past it, the owner's Bearer key works. Only the images of a job in `SUCCESS` are served: a refunded job's renders answer 404.",
      requestParams: {
        path: PublicIdPath,
        query: z.object({
          expires: z.string().optional().meta({ description: "Unix seconds." }),
          signature: z.string().optional(),
        }),
      },
      security: [{}, { bearerAuth: [] }],
    },
  },
  serve: (edge, http) =>
    atTheEdge(edge, async (session) => {
      const { runtime } = edge;
      const artifactId = http.params.public_id ?? "";
      const signed = runtime.signer.verify(
        artifactId,
        http.url.searchParams.get("expires"),
        http.url.searchParams.get("signature"),
      );
      const artifact = await findServableArtifact(runtime.db, artifactId);
      if (!artifact) throw resourceNotFound("artifact");
      if (!signed) {
        if (!http.request.headers.get("authorization")) {
          throw new ApiError(
            "UNAUTHENTICATED",
            "The image URL has expired or is invalid; fetch the job again for a fresh one.",
          );
        }
        const caller = await session.authenticate();
        if (caller.clientId !== artifact.job.clientId || caller.mode !== artifact.job.mode)
          throw resourceNotFound("artifact");
      }
      // Streamed from storage: a 4K image is never held whole in memory.
      const stored = await runtime.storage.open(artifact.storageKey);
      if (!stored) throw resourceNotFound("artifact");
      const response = new Response(stored.body, {
        status: 200,
        headers: {
          "content-type": stored.contentType,
          "content-length": String(stored.byteSize),
          "cache-control": "private, max-age=900, immutable",
        },
      });
      return { value: response, status: 200, creditsMoved: 0, requestLogged: false };
    }),
};
