import { validate, compileErrors } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument, v1Routes } from "../rest/router";

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
  tags?: string[];
};

function operations() {
  const document = openApiDocument();
  const found: { method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      found.push({ method: method.toUpperCase(), path, op });
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it("documents exactly the routes the REST router serves", () => {
    const documented = operations()
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    const served = v1Routes()
      .map(({ method, path }) => `${method} ${path.replace(/\{\w+\}/g, "{public_id}")}`)
      .sort();
    expect(documented).toEqual(served);
  });

  it("gives dispatch its 202 and every error status the contract names", () => {
    const dispatch = operations().find((o) => o.path === "/v1/complementary-garment-generator")!;
    expect(Object.keys(dispatch.op.responses).sort()).toEqual(
      ["202", "401", "402", "403", "409", "413", "422", "429", "503"].sort(),
    );
    const schemaOf = (status: string) =>
      dispatch.op.responses[status]?.content?.["application/json"]?.schema?.$ref;
    expect(schemaOf("202")).toBe("#/components/schemas/WorkflowAcceptedResponse");
    expect(schemaOf("422")).toBe("#/components/schemas/HTTPValidationError");
    expect(schemaOf("402")).toBe("#/components/schemas/ErrorEnvelope");
  });

  it("requires a credential everywhere except the document itself and signed image and export URLs", () => {
    const document = openApiDocument();
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const open = operations()
      .filter(
        (o) =>
          o.op.security !== undefined &&
          (o.op.security.length === 0 ||
            o.op.security.some((requirement) => Object.keys(requirement).length === 0)),
      )
      .map((o) => o.path);
    expect(open.sort()).toEqual([
      "/v1/artifacts/{public_id}/image",
      "/v1/batches/{public_id}/export.csv",
      "/v1/batches/{public_id}/export.zip",
      "/v1/openapi.json",
    ]);
    // Shopify signatures are accepted on the dispatch POST only.
    const shopify = operations()
      .filter((o) => o.op.security?.some((requirement) => "shopifyHmac" in requirement))
      .map((o) => o.path);
    expect(shopify).toEqual(["/v1/complementary-garment-generator"]);
    for (const { path, op } of operations()) {
      if (open.includes(path)) continue;
      expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(["401", "429"]));
    }
  });

  it("puts every operation and webhook under one declared tag, each tag declared once", () => {
    const document = openApiDocument();
    const declared = (document.tags ?? []).map((tag) => tag.name);
    expect(new Set(declared).size).toBe(declared.length);
    const used = [
      ...operations().map(({ path, op }) => ({ where: path, tags: op.tags })),
      ...Object.entries(document.webhooks ?? {}).flatMap(([name, item]) =>
        Object.values(item as Record<string, Operation>).map((op) => ({
          where: name,
          tags: op.tags,
        })),
      ),
    ];
    for (const { where, tags } of used) {
      // An untagged webhook makes viewers add a second "Webhooks" group.
      expect(tags, where).toHaveLength(1);
      expect(declared, where).toContain(tags?.[0]);
    }
  });

  it("matches the committed snapshot (the SDK is generated from it)", async () => {
    await expect(`${JSON.stringify(openApiDocument(), null, 2)}\n`).toMatchFileSnapshot(
      "./openapi.snapshot.json",
    );
  });
});
