/**
 * Where this process is in its life, for readiness and a graceful shutdown: whether it is
 * draining (SIGTERM received: answer not-ready, stop claiming runs) and how many requests are
 * being served right now, so the shutdown can wait for them instead of cutting them off.
 */
export class Lifecycle {
  private drainingSince: Date | null = null;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** From now on readiness answers 503; requests are still served (the load balancer catches up). */
  startDraining(): void {
    this.drainingSince ??= new Date();
  }

  /** Counts one request while `serve` runs (every transport wraps its handler in this). */
  async track<T>(serve: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await serve();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Resolves once no request is in flight. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
