import { openApiDocument } from "../../openapi/document";
import type { RestHandler } from "../endpoint";
import { json } from "../http";

/** GET /v1/openapi.json — public, generated from the zod schemas; `servers` is this origin. */
export const getOpenApi: RestHandler = async (call) =>
  json({ ...openApiDocument(), servers: [{ url: call.url.origin }] }, 200, {
    "cache-control": "public, max-age=300",
    "access-control-allow-origin": "*",
  });
