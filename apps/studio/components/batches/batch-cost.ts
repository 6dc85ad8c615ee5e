/**
 * The API's MAX_BATCH_ITEMS, as a literal: importing @garment/schemas would put zod in the
 * page's first bundle (lib/schemas.ts). The test pins it to the schema's value.
 */
export const MAX_BATCH_ROWS = 1000;

export interface BatchCost {
  /** Price per row × rows; undefined while the price loads. */
  total: number | undefined;
  /** The balance once the batch is charged; undefined while either loads. */
  after: number | undefined;
  /** Credits missing for the whole batch (0 when the balance covers it). */
  shortfall: number;
  tooMany: boolean;
  /** Why dispatch is refused now, if it is: the server refuses the same (422, 402, 413). */
  blocked: boolean;
}

/** What the batch costs against the balance, and whether it may be dispatched as it stands. */
export function batchCost(input: {
  rowCount: number;
  badRows: number;
  price: number | undefined;
  balance: number | undefined;
}): BatchCost {
  const { rowCount, badRows, price, balance } = input;
  const total = price === undefined ? undefined : price * rowCount;
  const after = total === undefined || balance === undefined ? undefined : balance - total;
  const shortfall = after !== undefined && after < 0 ? -after : 0;
  const tooMany = rowCount > MAX_BATCH_ROWS;
  const blocked = badRows > 0 || shortfall > 0 || tooMany || after === undefined || rowCount === 0;
  return { total, after, shortfall, tooMany, blocked };
}
