import { z } from "zod";
import { atTheEdge } from "../../edge/pipeline";
import type { buildOpenApiDocument, DocumentedRoute } from "../../openapi/document";
import { json } from "../../http/body";
import { publicOrigin, type RestRoute } from "../route";

/** GET /v1/openapi.json — public, derived from the routes; `servers` is this origin. */
export function openApiRoute(document: () => ReturnType<typeof buildOpenApiDocument>): RestRoute {
  return {
    method: "GET",
    path: "/v1/openapi.json",
    documented: {
      document: {
        operationId: "getOpenApiDocument",
        tags: ["Meta"],
        summary: "This document",
        responses: {
          "200": {
            description: "OpenAPI 3.1.",
            content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
          },
        },
        security: [],
      },
    },
    serve: (edge, http) =>
      atTheEdge(edge, async () => {
        const response = json(
          { ...document(), servers: [{ url: publicOrigin(edge.runtime, http) }] },
          200,
          {
            "cache-control": "public, max-age=300",
            "access-control-allow-origin": "*",
          },
        );
        return { value: response, status: 200, creditsMoved: 0, requestLogged: false };
      }),
  };
}

export function documentedRoutes(routes: readonly RestRoute[]): DocumentedRoute[] {
  return routes.map(({ method, path, documented }) => ({ method, path, ...documented }));
}
