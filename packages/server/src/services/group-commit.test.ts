import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

/** A writer whose statements finish only when the test lets them, recording what each carried. */
function gatedWriter(groupAnswer: (items: number[]) => "ok" | "partial" | "throw") {
  const statements: { kind: "group" | "one"; items: number[] }[] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  const writer = new GroupCommit<number, string>({
    maxGroup: 3,
    commitGroup: async (items) => {
      statements.push({ kind: "group", items });
      await gate;
      const answer = groupAnswer(items);
      if (answer === "throw") throw new Error("refused");
      return answer === "ok" ? items.map((n) => `group:${n}`) : null;
    },
    commitOne: async (item) => {
      statements.push({ kind: "one", items: [item] });
      await gate;
      if (item === 13) throw new Error("unlucky");
      return `one:${item}`;
    },
  });
  return {
    writer,
    statements,
    open: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

describe("GroupCommit", () => {
  it("sends what arrives while a statement is in flight as one group of at most maxGroup", async () => {
    const { writer, statements, open } = gatedWriter(() => "ok");
    const answers = [1, 2, 3, 4, 5].map((n) => writer.submit("a", n));
    open();
    expect(await Promise.all(answers)).toEqual(["one:1", "group:2", "group:3", "group:4", "one:5"]);
    expect(statements).toEqual([
      { kind: "one", items: [1] },
      { kind: "group", items: [2, 3, 4] },
      { kind: "one", items: [5] },
    ]);
    expect(writer.statements).toBe(3);
  });

  it("writes a group that cannot go whole item by item, each with its own answer", async () => {
    for (const refusal of ["partial", "throw"] as const) {
      const { writer, statements, open } = gatedWriter(() => refusal);
      const answers = [1, 2, 13].map((n) => writer.submit("a", n).catch((e: Error) => e.message));
      open();
      expect(await Promise.all(answers)).toEqual(["one:1", "one:2", "unlucky"]);
      expect(statements.map((s) => s.kind)).toEqual(["one", "group", "one", "one"]);
    }
  });

  it("keeps lanes apart: each has its own statement in flight", async () => {
    const { writer, statements, open } = gatedWriter(() => "ok");
    const answers = [writer.submit("a", 1), writer.submit("b", 2)];
    expect(statements).toEqual([
      { kind: "one", items: [1] },
      { kind: "one", items: [2] },
    ]);
    open();
    expect(await Promise.all(answers)).toEqual(["one:1", "one:2"]);
  });
});
