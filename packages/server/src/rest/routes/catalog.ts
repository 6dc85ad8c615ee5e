import { CatalogListQuery } from "@garment/schemas";
import { checkCompatibility } from "../../services/catalog/check-compatibility";
import { getComplementaryGarment } from "../../services/catalog/get-complementary-garment";
import { listComplementaryGarments } from "../../services/catalog/list-complementary-garments";
import type { RestHandler } from "../endpoint";
import { json } from "../http";
import { parseQuery } from "../query";

/**
 * GET /v1/catalog/complementary-garments: a bare JSON array, as the original answers; the
 * total across pages travels in `X-Total-Count`.
 */
export const getComplementaryGarments: RestHandler = async (call) => {
  const caller = await call.authenticate();
  const page = await listComplementaryGarments(
    call.runtime,
    caller,
    parseQuery(call.url, CatalogListQuery),
  );
  return json(page.entries, 200, { "x-total-count": String(page.count) });
};

/** GET /v1/catalog/complementary-garments/{public_id} */
export const getComplementaryGarmentById: RestHandler = async (call) =>
  json(
    await getComplementaryGarment(call.runtime, await call.authenticate(), call.params.id ?? ""),
  );

/** POST /v1/compatibility/check */
export const postCompatibilityCheck: RestHandler = async (call) => {
  const caller = await call.authenticate();
  return json(await checkCompatibility(call.runtime, caller, await call.readJson()));
};
