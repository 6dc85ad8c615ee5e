import type { ImageModel } from "@garment/imaging";

/**
 * At most `size` holders at once; the others wait their turn, first come first served. A slot
 * given back goes straight to the next waiter, so no newcomer can overtake it.
 */
class SlotPool {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.held;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.held < this.size) this.held += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.held -= 1;
    }
  }
}

export type RenderKind = ImageModel["kind"];

/**
 * The render slots of one process, a pool per kind of model: built-in renders draw on this
 * machine's CPU (sharp's thread pool), hosted ones wait on a network call, so each kind is
 * bounded on its own and a queue of one never holds back the other.
 */
export class RenderSlots {
  private readonly pools: Record<RenderKind, SlotPool>;

  constructor(sizes: Record<RenderKind, number>) {
    this.pools = {
      builtin: new SlotPool(Math.max(1, sizes.builtin)),
      hosted: new SlotPool(Math.max(1, sizes.hosted)),
    };
  }

  /** Runs one render of a model of this kind once a slot of that kind is free. */
  run<T>(kind: RenderKind, render: () => Promise<T>): Promise<T> {
    return this.pools[kind].run(render);
  }

  /** Renders of this kind executing now. */
  inUse(kind: RenderKind): number {
    return this.pools[kind].inUse;
  }

  /** Slots of each kind: together, how many runs this process can usefully execute at once. */
  get total(): number {
    return this.pools.builtin.size + this.pools.hosted.size;
  }
}
