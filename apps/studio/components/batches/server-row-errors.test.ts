import { describe, expect, it } from "vitest";
import { serverRowErrors } from "./server-row-errors";

describe("serverRowErrors", () => {
  it("puts each 422 item under its row and field", () => {
    const error = {
      data: {
        api: {
          code: "VALIDATION_ERROR",
          detail: [
            { loc: ["body", "items", 3, "color"], msg: "Value error, unrecognised color" },
            { loc: ["body", "items", 3, "garment_category_public_id"], msg: "unknown category" },
            { loc: ["body", "items", 7, "metadata"], msg: "too big" },
            { loc: ["body", "idempotency_key"], msg: "too long" },
          ],
        },
      },
    };
    expect([...serverRowErrors(error)]).toEqual([
      [3, { color: "Value error, unrecognised color", category: "unknown category" }],
      [7, { row: "metadata: too big" }],
    ]);
  });

  it("finds nothing in an error without detail", () => {
    expect(serverRowErrors(new Error("402")).size).toBe(0);
  });
});
