import { ApiError } from "../../errors";

/** 402 for a set of variants the balance does not cover: none of them is charged. */
export function variantsNotCovered(total: number, balance: number): ApiError {
  return new ApiError(
    "INSUFFICIENT_BALANCE",
    `These variants cost ${total} credits together; the balance is ${balance}, ${total - balance} short. Nothing was charged.`,
    undefined,
    { "x-credits-shortfall": String(Math.max(0, total - balance)) },
  );
}
