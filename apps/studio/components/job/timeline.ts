import type { Outputs } from "~/lib/trpc";

export type JobEvent = Outputs["jobs"]["events"]["events"][number];
export type StepState = "done" | "current" | "pending" | "failed" | "skipped";

export const STEPS = [
  { key: "queued", label: "Queued" },
  { key: "plan", label: "Plan" },
  { key: "render", label: "Render" },
  { key: "eval", label: "Evaluate" },
  { key: "done", label: "Done" },
] as const;
export type StepKey = (typeof STEPS)[number]["key"];

export interface Attempt {
  attempt: number;
  imageUrl: string | null;
  model: string | null;
  seed: number | null;
  renderMs: number | null;
  evaluation: { passed: boolean; score: number; checks: EvalCheck[] } | null;
}

export interface EvalCheck {
  name: string;
  passed: boolean;
  score: number;
  detail?: string;
}

const num = (value: unknown) => (typeof value === "number" ? value : null);
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** Where the job is on queued → plan → render → eval → done, from its public events. */
export function stepStates(events: JobEvent[], evalEnabled: boolean): Record<StepKey, StepState> {
  const has = (stage: string) => events.some((e) => e.stage === stage);
  const failed = events.find((e) => e.event_type === "failed");
  const succeeded = events.some((e) => e.event_type === "succeeded");
  const reached: Record<StepKey, boolean> = {
    queued: events.length > 0,
    plan: has("plan"),
    render: has("render"),
    eval: evalEnabled ? has("eval") : false,
    done: succeeded,
  };
  const states = {} as Record<StepKey, StepState>;
  let frontier = false;
  for (const { key } of STEPS) {
    if (key === "eval" && !evalEnabled) states[key] = "skipped";
    else if (reached[key]) states[key] = "done";
    else if (!frontier) {
      states[key] = failed ? "failed" : "current";
      frontier = true;
    } else states[key] = "pending";
  }
  return states;
}

/** Each render attempt with its image and, when evaluated, its scores. */
export function attemptsOf(events: JobEvent[]): Attempt[] {
  const byAttempt = new Map<number, Attempt>();
  for (const event of events) {
    const attempt = num(event.extra.attempt);
    if (attempt === null) continue;
    const entry = byAttempt.get(attempt) ?? {
      attempt,
      imageUrl: null,
      model: null,
      seed: null,
      renderMs: null,
      evaluation: null,
    };
    if (event.stage === "render") {
      entry.imageUrl = event.artifacts[0]?.image_url ?? entry.imageUrl;
      entry.model = typeof event.extra.model === "string" ? event.extra.model : null;
      entry.seed = num(event.extra.seed);
      entry.renderMs = num(event.extra.render_ms);
    }
    if (event.stage === "eval") {
      entry.evaluation = {
        passed: event.extra.passed === true,
        score: num(event.extra.score) ?? 0,
        checks: Array.isArray(event.extra.checks) ? (event.extra.checks as EvalCheck[]) : [],
      };
    }
    byAttempt.set(attempt, entry);
  }
  return [...byAttempt.values()].sort((a, b) => a.attempt - b.attempt);
}

export interface ResolvedGarmentView {
  categoryName: string;
  colorHex: string;
  colorName: string;
  accentColorHex: string | null;
  pattern: string;
  material: string;
  fit: string;
  length: string | null;
}

export interface PlanView {
  displayName: string;
  harmony: string;
  score: number | null;
  rationale: string[];
  complement: ResolvedGarmentView | null;
  product: ResolvedGarmentView | null;
}

/** The plan as the `plan` event (and the final artifact's meta) carry it. */
export function planOf(events: JobEvent[], finalMeta?: Record<string, unknown>): PlanView | null {
  const event = events.find((e) => e.stage === "plan");
  const fromMeta = (finalMeta?.plan ?? null) as Record<string, unknown> | null;
  const extra = event?.extra ?? null;
  if (!extra && !fromMeta) return null;
  const pick = (key: string) =>
    extra?.[key] ?? fromMeta?.[key === "display_name" ? "displayName" : key];
  return {
    displayName: str(pick("display_name")),
    harmony: str(pick("harmony")),
    score: num(pick("score")),
    rationale: Array.isArray(pick("rationale")) ? (pick("rationale") as string[]) : [],
    complement: (pick("complement") as ResolvedGarmentView | undefined) ?? null,
    product: (fromMeta?.product as ResolvedGarmentView | undefined) ?? null,
  };
}
