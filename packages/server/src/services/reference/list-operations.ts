import type { ReferenceData } from "./reference-data";

export async function listOperations(reference: ReferenceData) {
  const operations = await reference.operations();
  return {
    operations: operations.map((op) => ({
      name: op.name,
      op_class: op.opClass,
      credits_cost: op.creditsCost,
      enabled: op.enabled,
    })),
  };
}
