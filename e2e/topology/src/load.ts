import { type Instance, sleep } from "./cluster";
import { call, NoAnswer, retryAfterMs, type Answer } from "./http";

export interface LoadClient {
  clientId: string;
  /** Live keys of this client; requests take them in turn (the rate limit is per key). */
  keys: string[];
}

export interface LoadOptions {
  instances: readonly [Instance, Instance];
  clients: readonly LoadClient[];
  dispatches: number;
  /** Requests the driver keeps in flight. */
  concurrency: number;
  categories: readonly string[];
  /** Share of dispatches that name the flaky model (which fails some renders). */
  flakyShare: number;
  /** Share of accepted dispatches sent again with the same Idempotency-Key, to the other instance. */
  replayShare: number;
  /** Share of accepted dispatches cancelled soon after. */
  cancelShare: number;
  /** Called once, when this many dispatches have been sent (the crash). */
  crashAfter: number;
  crash: () => Promise<void>;
  /** Tags the Idempotency-Keys of one run. */
  runTag: string;
  random?: () => number;
}

export interface DispatchRecord {
  index: number;
  client: number;
  flaky: boolean;
  jobId: string;
  /** 200: the cancel was accepted; 409: the job had already ended; null: not cancelled. */
  cancelStatus: number | null;
}

export interface LoadResult {
  records: DispatchRecord[];
  /** Latency of each first 202 (ms). */
  acceptedMs: number[];
  /** Same key, same body, other instance: the same job back, marked replayed. */
  replays: number;
  replayMismatches: string[];
  /** Requests sent again with the same key because the first got no answer (the crash). */
  unansweredRetries: number;
  /** 429s (rate limit or queue cap) waited out and retried with the same key. */
  throttled: number;
  /** 503s retried. */
  unavailable: number;
  /** Answers the driver did not expect (each with its body). */
  unexpected: string[];
  /** Requests answered by each instance. */
  answeredBy: Record<string, number>;
  durationMs: number;
}

const COLORS = ["navy", "camel", "ecru", "burgundy", "sage", "black", "white", "olive", "#7a4b2a"];
const MATERIALS = ["wool", "cotton", "linen", "denim", "silk", "cashmere"];
const PATTERNS = ["solid", "breton stripe", "houndstooth", "check", "herringbone"];
const FITS = ["slim", "regular", "loose", null] as const;

function pick<T>(values: readonly T[], n: number): T {
  return values[n % values.length] as T;
}

/**
 * Drives the dispatches over both instances the way a load balancer and several REST clients
 * would: each request goes to one instance (the other when that one is down), answers without
 * a response are retried with the same Idempotency-Key, 429/503 are waited out, some accepted
 * dispatches are replayed on the other instance and some are cancelled.
 */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const random = options.random ?? Math.random;
  const [a, b] = options.instances;
  const result: LoadResult = {
    records: [],
    acceptedMs: [],
    replays: 0,
    replayMismatches: [],
    unansweredRetries: 0,
    throttled: 0,
    unavailable: 0,
    unexpected: [],
    answeredBy: { [a.name]: 0, [b.name]: 0 },
    durationMs: 0,
  };
  const keyTurn = options.clients.map(() => 0);
  const keyOf = (client: number) => {
    const { keys } = options.clients[client] as LoadClient;
    keyTurn[client] = ((keyTurn[client] ?? 0) + 1) % keys.length;
    return keys[keyTurn[client] ?? 0] as string;
  };
  /** The instance for a request: the preferred one if it is up, else the other. */
  const route = (preferred: number): Instance => {
    const first = preferred % 2 === 0 ? a : b;
    const other = first === a ? b : a;
    return first.running ? first : other;
  };

  /** Sends until an answer other than 429/503/no answer arrives (same key every time). */
  const persist = async (
    preferred: number,
    method: string,
    path: string,
    init: { key: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer> => {
    let target = preferred;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const instance = route(target);
      let answer: Answer;
      try {
        answer = await call(instance, method, path, init);
      } catch (error) {
        if (!(error instanceof NoAnswer)) throw error;
        result.unansweredRetries += 1;
        target += 1; // The load balancer sends the retry elsewhere.
        await sleep(100 + random() * 200);
        continue;
      }
      result.answeredBy[instance.name] = (result.answeredBy[instance.name] ?? 0) + 1;
      if (answer.status === 429) {
        result.throttled += 1;
        await sleep(retryAfterMs(answer) * (0.5 + random()));
        continue;
      }
      if (answer.status === 503) {
        result.unavailable += 1;
        await sleep(retryAfterMs(answer, 2_000));
        continue;
      }
      return answer;
    }
    throw new Error(`${method} ${path}: no final answer after 200 attempts`);
  };

  const started = performance.now();
  let next = 0;
  const crash: { done: Promise<void> | null } = { done: null };
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= options.dispatches) return;
      if (index === options.crashAfter) crash.done = options.crash();
      const client = index % options.clients.length;
      const flaky = random() < options.flakyShare;
      const body = {
        garment_category_public_id: pick(options.categories, index * 7 + 3),
        color: pick(COLORS, index),
        material: pick(MATERIALS, index * 3),
        pattern: pick(PATTERNS, index * 5),
        fit: pick(FITS, index),
        resolution: "0.5K",
        aspect_ratio: "21:9",
        eval_enabled: false,
        seed: index,
        metadata: { topology_index: index },
        ...(flaky ? { image_model: "test-flaky", on_technical_failure: "fail" } : {}),
      };
      const idempotencyKey = `${options.runTag}-${index}`;
      const headers = { "idempotency-key": idempotencyKey };
      const path = "/v1/complementary-garment-generator";
      const first = performance.now();
      const accepted = await persist(index, "POST", path, { key: keyOf(client), body, headers });
      if (accepted.status !== 202) {
        result.unexpected.push(
          `dispatch ${index}: ${accepted.status} ${JSON.stringify(accepted.body)}`,
        );
        continue;
      }
      result.acceptedMs.push(performance.now() - first);
      const jobId = (accepted.body as { job_id: string }).job_id;
      const record: DispatchRecord = { index, client, flaky, jobId, cancelStatus: null };
      result.records.push(record);

      if (random() < options.replayShare) {
        const replay = await persist(index + 1, "POST", path, {
          key: keyOf(client),
          body,
          headers,
        });
        result.replays += 1;
        const replayedJob = (replay.body as { job_id?: string }).job_id;
        if (
          replay.status !== 202 ||
          replayedJob !== jobId ||
          replay.headers.get("idempotent-replayed") !== "true"
        )
          result.replayMismatches.push(
            `dispatch ${index}: replay ${replay.status} job ${replayedJob} (first ${jobId}), replayed=${replay.headers.get("idempotent-replayed")}`,
          );
      }
      if (random() < options.cancelShare) {
        const cancel = await persist(
          index + (random() < 0.5 ? 0 : 1),
          "POST",
          `/v1/jobs/${jobId}/cancel`,
          {
            key: keyOf(client),
          },
        );
        record.cancelStatus = cancel.status;
        if (cancel.status !== 200 && cancel.status !== 409)
          result.unexpected.push(
            `cancel ${jobId}: ${cancel.status} ${JSON.stringify(cancel.body)}`,
          );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  if (crash.done) await crash.done;
  result.durationMs = performance.now() - started;
  return result;
}
