import { describe, expect, it } from "vitest";
import { MAX_SAMPLES, recordProgress } from "./progress-samples";

const counts = (done: number, total = 10) => ({
  NOT_STARTED: total - done,
  IN_PROGRESS: 0,
  SUCCESS: done,
  FAILURE: 0,
});

describe("recordProgress", () => {
  it("adds a point when the counts change and none when they do not", () => {
    const first = recordProgress([], counts(0), 1000);
    expect(recordProgress(first, counts(0), 2000)).toBe(first);
    const second = recordProgress(first, counts(4), 3000);
    expect(second.map((s) => [s.at, s.SUCCESS])).toEqual([
      [1000, 0],
      [3000, 4],
    ]);
  });

  it("keeps the newest samples only", () => {
    let samples = recordProgress([], counts(0, 5000), 0);
    for (let done = 1; done <= MAX_SAMPLES + 10; done++)
      samples = recordProgress(samples, counts(done, 5000), done);
    expect(samples).toHaveLength(MAX_SAMPLES);
    expect(samples.at(-1)?.SUCCESS).toBe(MAX_SAMPLES + 10);
  });
});
