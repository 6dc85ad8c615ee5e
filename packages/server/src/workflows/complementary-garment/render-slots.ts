import type { ImageModel } from "@garment/imaging";
import pLimit, { type LimitFunction } from "p-limit";

export type RenderKind = ImageModel["kind"];

/**
 * The render slots of one process, a pool per kind of model: built-in renders draw on this
 * machine's CPU (sharp's thread pool), hosted ones wait on a network call, so each kind is
 * bounded on its own and a queue of one never holds back the other. Each pool is first come,
 * first served (p-limit's queue).
 */
export class RenderSlots {
  private readonly pools: Record<RenderKind, LimitFunction>;

  constructor(sizes: Record<RenderKind, number>) {
    this.pools = {
      builtin: pLimit(Math.max(1, sizes.builtin)),
      hosted: pLimit(Math.max(1, sizes.hosted)),
    };
  }

  /** Runs one render of a model of this kind once a slot of that kind is free. */
  run<T>(kind: RenderKind, render: () => Promise<T>): Promise<T> {
    return this.pools[kind](render);
  }

  /** Renders of this kind executing now. */
  inUse(kind: RenderKind): number {
    return this.pools[kind].activeCount;
  }

  /** Slots of each kind: together, how many runs this process can usefully execute at once. */
  get total(): number {
    return this.pools.builtin.concurrency + this.pools.hosted.concurrency;
  }
}
