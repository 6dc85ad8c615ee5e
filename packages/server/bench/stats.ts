import { percentile } from "@garment/config/bench";

export interface LoadResult {
  label: string;
  concurrency: number;
  seconds: number;
  completed: number;
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

/** Runs `concurrency` closed-loop workers for `seconds` (after a warm-up) and summarises. */
export async function closedLoop(
  label: string,
  concurrency: number,
  seconds: number,
  operation: () => Promise<number | string>,
  warmupSeconds = 1,
): Promise<LoadResult> {
  const warmupEnd = performance.now() + warmupSeconds * 1000;
  const end = warmupEnd + seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const start = performance.now();
        if (start >= end) return;
        const status = await operation();
        const finished = performance.now();
        if (start >= warmupEnd && finished <= end) {
          latencies.push(finished - start);
          statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    label,
    concurrency,
    seconds,
    completed: latencies.length,
    throughputPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    statuses,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
