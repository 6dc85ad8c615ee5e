import { ApiError, resourceNotFound } from "../../errors";
import type { RestHandler } from "../endpoint";

/**
 * GET /v1/artifacts/{id}/image?expires=&signature= — the signed URL handed to the artifact's
 * owner. Without a valid signature the owner's Bearer key works too; anyone else gets 404.
 */
export const getArtifactImage: RestHandler = async (call) => {
  const { runtime } = call;
  const artifactId = call.params.id ?? "";
  const signed = runtime.signer.verify(
    artifactId,
    call.url.searchParams.get("expires"),
    call.url.searchParams.get("signature"),
  );
  const artifact = await runtime.db.artifact.findUnique({
    where: { id: artifactId },
    include: { job: { select: { clientId: true, mode: true } } },
  });
  if (!artifact) throw resourceNotFound("artifact");
  if (!signed) {
    if (!call.request.headers.get("authorization")) {
      throw new ApiError(
        "UNAUTHENTICATED",
        "The image URL has expired or is invalid; fetch the job again for a fresh one.",
      );
    }
    const caller = await call.authenticate();
    if (caller.clientId !== artifact.job.clientId || caller.mode !== artifact.job.mode)
      throw resourceNotFound("artifact");
  }
  // Streamed from storage: a 4K image is never held whole in memory.
  const stored = await runtime.storage.open(artifact.storageKey);
  if (!stored) throw resourceNotFound("artifact");
  return new Response(stored.body, {
    status: 200,
    headers: {
      "content-type": stored.contentType,
      "content-length": String(stored.byteSize),
      "cache-control": "private, max-age=900, immutable",
    },
  });
};
