import { describe, expect, it } from "vitest";
import { RenderSlots } from "./render-slots";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("RenderSlots", () => {
  it("runs at most a pool's size of renders of one kind, the rest first come first served", async () => {
    const slots = new RenderSlots({ builtin: 2, hosted: 8 });
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const renders = gates.map((g, i) =>
      slots.run("builtin", async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(slots.inUse("builtin")).toBe(2);

    gates[1]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open();
    gates[2]?.open();
    gates[3]?.open();
    expect(await Promise.all(renders)).toEqual([0, 1, 2, 3]);
    expect(slots.inUse("builtin")).toBe(0);
  });

  it("never holds a hosted render back behind full built-in slots", async () => {
    const slots = new RenderSlots({ builtin: 1, hosted: 2 });
    const cpu = gate();
    const busy = slots.run("builtin", () => cpu.opened);
    const queued = slots.run("builtin", async () => "second built-in");
    const hosted = await slots.run("hosted", async () => "hosted");
    expect(hosted).toBe("hosted");
    expect(slots.inUse("builtin")).toBe(1);
    cpu.open();
    await busy;
    expect(await queued).toBe("second built-in");
  });

  it("gives the slot back when a render fails", async () => {
    const slots = new RenderSlots({ builtin: 1, hosted: 1 });
    await expect(
      slots.run("hosted", () => Promise.reject(new Error("model down"))),
    ).rejects.toThrow("model down");
    expect(slots.inUse("hosted")).toBe(0);
    expect(await slots.run("hosted", async () => "next")).toBe("next");
    expect(slots.total).toBe(2);
  });
});
