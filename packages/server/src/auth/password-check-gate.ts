/**
 * Bounds the password hash checks (argon2id, ~19 MiB and tens of milliseconds of CPU each) one
 * process runs at once. A flood of sign-ins waits in a short queue and past it is refused at
 * once, instead of filling libuv's thread pool (which file and DNS work share) and memory.
 * Per process on purpose: what it protects is this process's CPU.
 */
export class PasswordCheckGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most checks that ever ran at once (for tests and the readiness of a bench). */
  peak = 0;

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number,
  ) {
    if (maxConcurrent < 1) throw new Error("PasswordCheckGate needs maxConcurrent >= 1");
  }

  /** Runs `check` when a slot is free; null, without running it, when the queue is full. */
  async run<T>(check: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.active >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    this.peak = Math.max(this.peak, this.active);
    try {
      return { value: await check() };
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; `active` stays as it is.
      if (next) next();
      else this.active -= 1;
    }
  }
}
