interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions<Item, Result> {
  /** Most items one group statement carries. */
  maxGroup: number;
  /**
   * Writes a whole group in ONE statement and answers each item's result, or null when the group
   * cannot be written whole (then nothing of it was written). A throw means the same.
   */
  commitGroup(items: Item[]): Promise<Result[] | null>;
  /** Writes one item alone: the fallback for a group that could not be written whole. */
  commitOne(item: Item): Promise<Result>;
}

/**
 * Group commit: at most one statement in flight per lane; items that arrive meanwhile wait and
 * go together in the next statement (one round trip, one commit, one lock for all of them).
 * Each item still gets its own answer, only once its write committed. A group that cannot be
 * written whole is written item by item in arrival order, so grouping never changes an outcome.
 */
export class GroupCommit<Item, Result> {
  private readonly lanes = new Map<string, Waiting<Item, Result>[]>();
  /** Statements sent so far (a group counts once): what the tests look at. */
  statements = 0;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  submit(lane: string, item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      const waiting = this.lanes.get(lane);
      if (waiting) {
        waiting.push({ item, resolve, reject });
        return;
      }
      this.lanes.set(lane, []);
      void this.drive(lane, [{ item, resolve, reject }]);
    });
  }

  /** Writes `group`, then whatever queued meanwhile, until the lane is empty. */
  private async drive(lane: string, first: Waiting<Item, Result>[]): Promise<void> {
    let group = first;
    while (group.length > 0) {
      await this.commit(group);
      const waiting = this.lanes.get(lane) ?? [];
      group = waiting.splice(0, this.options.maxGroup);
      if (group.length === 0) this.lanes.delete(lane);
    }
  }

  private async commit(group: Waiting<Item, Result>[]): Promise<void> {
    if (group.length > 1) {
      try {
        this.statements++;
        const results = await this.options.commitGroup(group.map((w) => w.item));
        if (results) {
          group.forEach((waiting, index) => waiting.resolve(results[index] as Result));
          return;
        }
      } catch {
        // Nothing of the group was written (one statement); each item now gets its own answer.
      }
    }
    for (const waiting of group) {
      try {
        this.statements++;
        waiting.resolve(await this.options.commitOne(waiting.item));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
