import { GarmentApiError, type GarmentApi, type JobDetail, type JobEvent } from "./client";

export interface WaitForJobOptions {
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number;
  /** First pause between polls (default 500 ms); doubles while nothing happens. */
  initialDelayMs?: number;
  /** Longest pause between polls (default 10 s). */
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Called with each new event, in order. */
  onEvent?: (event: JobEvent) => void;
}

export class WaitForJobTimeout extends Error {
  constructor(
    readonly jobId: string,
    readonly timeoutMs: number,
  ) {
    super(`Job ${jobId} did not finish within ${timeoutMs} ms.`);
    this.name = "WaitForJobTimeout";
  }
}

const TERMINAL = new Set(["succeeded", "failed"]);

/**
 * Polls a job's events (`GET /v1/jobs/{id}/events?since=`) until it succeeds or fails, then
 * returns its detail. The pause doubles while nothing new happens and resets when events
 * arrive; a 429 waits as long as its `Retry-After` says.
 */
export async function waitForJob(
  client: GarmentApi,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobDetail> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let since: number | undefined;
  let delay = initialDelayMs;

  for (;;) {
    options.signal?.throwIfAborted();
    const { data, error, response } = await client.GET("/v1/jobs/{public_id}/events", {
      params: { path: { public_id: jobId }, query: since === undefined ? {} : { since } },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let pause = delay;
    if (data) {
      for (const event of data.events) options.onEvent?.(event);
      if (data.latest_seq !== null) since = data.latest_seq;
      if (data.events.some((event) => TERMINAL.has(event.event_type))) {
        const job = await client.GET("/v1/jobs/{public_id}", {
          params: { path: { public_id: jobId } },
        });
        if (job.data) return job.data;
        throw GarmentApiError.from(job.response, job.error);
      }
      delay = data.events.length > 0 ? initialDelayMs : Math.min(maxDelayMs, delay * 2);
      pause = delay;
    } else if (response.status === 429) {
      pause = Math.max(delay, Number(response.headers.get("retry-after") ?? 1) * 1000);
    } else {
      throw GarmentApiError.from(response, error);
    }
    if (Date.now() + pause > deadline) throw new WaitForJobTimeout(jobId, timeoutMs);
    await sleep(pause, options.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
