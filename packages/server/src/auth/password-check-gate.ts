import pLimit, { type LimitFunction } from "p-limit";

/**
 * Bounds the password hash checks (argon2id, ~19 MiB and tens of milliseconds of CPU each) one
 * process runs at once. A flood of sign-ins waits in a short queue and past it is refused at
 * once, instead of filling libuv's thread pool (which file and DNS work share) and memory.
 * Per process on purpose: what it protects is this process's CPU.
 */
export class PasswordCheckGate {
  private readonly limit: LimitFunction;
  /** The most checks that ever ran at once (for tests and the readiness of a bench). */
  peak = 0;

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number,
  ) {
    if (maxConcurrent < 1) throw new Error("PasswordCheckGate needs maxConcurrent >= 1");
    this.limit = pLimit(maxConcurrent);
  }

  /** Runs `check` when a slot is free; null, without running it, when the queue is full. */
  async run<T>(check: () => Promise<T>): Promise<{ value: T } | null> {
    // Running plus waiting: full exactly when every slot is busy and the queue is full.
    if (this.limit.activeCount + this.limit.pendingCount >= this.maxConcurrent + this.maxWaiting)
      return null;
    return this.limit(async () => {
      this.peak = Math.max(this.peak, this.limit.activeCount);
      return { value: await check() };
    });
  }
}
