import { ApiError } from "../errors";
import type { AppRuntime } from "../runtime/app-runtime";
import { runRestHandler, type RestHandler, type RouteOptions } from "./endpoint";
import { getCredits } from "./routes/credits";
import { postComplementaryGarmentGenerator } from "./routes/dispatch";
import { getOperations } from "./routes/operations";
import { getArtifactImage } from "./routes/artifacts";
import { getJob, getJobEvents, getJobs, postJobCancel } from "./routes/jobs";
import { getOpenApi } from "./routes/openapi";
import { getUsage } from "./routes/usage";
import {
  deleteWebhookEndpointRoute,
  getWebhookDeliveries,
  getWebhookEndpoints,
  postWebhookEndpoint,
} from "./routes/webhooks";
import {
  getGarmentCategories,
  getGarmentCategoryById,
  getImageModels,
  getSpecVocabularyRoute,
} from "./routes/reference";
import {
  getComplementaryGarmentById,
  getComplementaryGarments,
  postCompatibilityCheck,
} from "./routes/catalog";

interface Route extends RouteOptions {
  method: string;
  /** Path under /v1 with `:param` segments. */
  pattern: string;
  handler: RestHandler;
}

const ROUTES: Route[] = [
  {
    method: "POST",
    pattern: "/complementary-garment-generator",
    handler: postComplementaryGarmentGenerator,
    acceptsShopifySignature: true,
  },
  { method: "GET", pattern: "/credits", handler: getCredits },
  { method: "GET", pattern: "/operations", handler: getOperations },
  { method: "GET", pattern: "/jobs", handler: getJobs },
  { method: "GET", pattern: "/jobs/:id", handler: getJob },
  { method: "GET", pattern: "/jobs/:id/events", handler: getJobEvents },
  { method: "POST", pattern: "/jobs/:id/cancel", handler: postJobCancel },
  { method: "GET", pattern: "/artifacts/:id/image", handler: getArtifactImage },
  { method: "GET", pattern: "/usage", handler: getUsage },
  { method: "GET", pattern: "/openapi.json", handler: getOpenApi },
  { method: "POST", pattern: "/webhooks/endpoints", handler: postWebhookEndpoint },
  { method: "GET", pattern: "/webhooks/endpoints", handler: getWebhookEndpoints },
  {
    method: "DELETE",
    pattern: "/webhooks/endpoints/:id",
    handler: deleteWebhookEndpointRoute,
  },
  {
    method: "GET",
    pattern: "/webhooks/endpoints/:id/deliveries",
    handler: getWebhookDeliveries,
  },
  { method: "GET", pattern: "/garment-categories", handler: getGarmentCategories },
  { method: "GET", pattern: "/garment-categories/:id", handler: getGarmentCategoryById },
  { method: "GET", pattern: "/spec-vocabulary", handler: getSpecVocabularyRoute },
  { method: "GET", pattern: "/image-models", handler: getImageModels },
  { method: "POST", pattern: "/compatibility/check", handler: postCompatibilityCheck },
  {
    method: "GET",
    pattern: "/catalog/complementary-garments",
    handler: getComplementaryGarments,
  },
  {
    method: "GET",
    pattern: "/catalog/complementary-garments/:id",
    handler: getComplementaryGarmentById,
  },
];

/** Method and OpenAPI-style path of every /v1 route (the OpenAPI test checks none is missing). */
export function v1Routes(): { method: string; path: string }[] {
  return ROUTES.map((route) => ({
    method: route.method,
    path: `/v1${route.pattern.replace(/:(\w+)/g, "{$1}")}`,
  }));
}

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? "";
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

/** Routes a request under /v1 (the Next.js catch-all route hands everything here). */
export async function handleV1Request(runtime: AppRuntime, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/v1/, "") || "/";
  const candidates = ROUTES.flatMap((route) => {
    const params = match(route.pattern, path);
    return params ? [{ route, params }] : [];
  });
  const found = candidates.find((c) => c.route.method === request.method);
  if (found)
    return runRestHandler(runtime, request, found.params, found.route.handler, found.route);
  const notFound: RestHandler = async () => {
    if (candidates.length > 0) {
      throw new ApiError(
        "RESOURCE_NOT_FOUND",
        `Method ${request.method} is not allowed here.`,
        undefined,
        {
          allow: candidates.map((c) => c.route.method).join(", "),
        },
      );
    }
    throw new ApiError("RESOURCE_NOT_FOUND", `No endpoint at ${request.method} /v1${path}.`);
  };
  return runRestHandler(runtime, request, {}, notFound);
}
