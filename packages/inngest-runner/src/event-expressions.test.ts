import { describe, expect, it } from "vitest";
import { compileEventFilter, parseFieldPath } from "./event-expressions";

describe("event expressions", () => {
  it("reads plain field paths only", () => {
    expect(parseFieldPath("event.data.requestId")).toEqual(["data", "requestId"]);
    expect(parseFieldPath("event.data.a + event.data.b")).toBeUndefined();
    expect(parseFieldPath("data.requestId")).toBeUndefined();
  });

  it("evaluates equality comparisons joined by &&", () => {
    const filter = compileEventFilter("event.data.kind == 'paid' && event.data.n != 3");
    expect(filter?.({ data: { kind: "paid", n: 2 } })).toBe(true);
    expect(filter?.({ data: { kind: "paid", n: 3 } })).toBe(false);
    expect(filter?.({ data: { kind: "free", n: 2 } })).toBe(false);
    expect(compileEventFilter("event.data.flag == true")?.({ data: { flag: true } })).toBe(true);
  });

  it("refuses anything else", () => {
    expect(compileEventFilter("event.data.n > 3")).toBeUndefined();
    expect(compileEventFilter("event.data.a == 1 || event.data.b == 2")).toBeUndefined();
    expect(compileEventFilter("event.data.a == async.data.a")).toBeUndefined();
  });
});
