import { runOperation } from "../edge/run-operation";
import type { AnyOperation } from "../operations/define";
import { json, parseJsonBody } from "../http/body";
import { queryObject } from "./query";
import type { RestRoute } from "./route";

/** Every operation of a (sub)tree that has a REST binding, in the tree's order. */
export function operationRoutes(...trees: object[]): RestRoute[] {
  return trees.flatMap((tree) =>
    Object.values(tree).flatMap((node: unknown): RestRoute[] => {
      if (typeof node !== "object" || node === null) return [];
      if ("run" in node) {
        const operation = node as AnyOperation;
        return operation.rest ? [operationRoute(operation)] : [];
      }
      return operationRoutes(node);
    }),
  );
}

/**
 * The REST route of an operation: its fields come from the path, then the query string or the
 * JSON body (so a 422 says `["path", …]`, `["query", …]` or `["body", …]`); the success status
 * and any reshaping are the binding's.
 */
function operationRoute(operation: AnyOperation): RestRoute {
  const binding = operation.rest;
  if (!binding) throw new Error("operationRoute needs a REST binding");
  const inPath = [...binding.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const status = binding.status ?? 200;
  return {
    method: binding.method,
    path: binding.path,
    documented: { operation },
    ...(binding.acceptsShopifySignature ? { acceptsShopifySignature: true } : {}),
    ...(operation.largeBody ? { largeBody: true } : {}),
    async serve(edge, http) {
      const result: unknown = await runOperation(edge, operation, {
        read: async () => {
          if (binding.input === "body") {
            const body = parseJsonBody(await http.rawBody());
            return inPath.length > 0 ? { ...(body as object), ...http.params } : body;
          }
          if (binding.input === "query")
            return { ...queryObject(http.url, binding.arrayQuery), ...http.params };
          return { ...http.params };
        },
        locate: (field) =>
          typeof field === "string" && inPath.includes(field) ? "path" : (binding.input ?? "path"),
        successStatus: status,
      });
      const { body, headers } = binding.present ? binding.present(result) : { body: result };
      return json(body, status, headers);
    },
  };
}
