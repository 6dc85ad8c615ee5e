import { describe, expect, it } from "vitest";
import { attemptsOf, planOf, stepStates, type JobEvent } from "./timeline";

let seq = 0;
function event(partial: Partial<JobEvent>): JobEvent {
  seq += 1;
  return {
    seq,
    event_type: "stage",
    visibility: "public",
    stage: null,
    message: "",
    artifacts: [],
    extra: {},
    created_at: new Date(0).toISOString(),
    ...partial,
  };
}

const queued = event({ event_type: "queued", message: "Accepted" });
const plan = event({
  stage: "plan",
  extra: {
    display_name: "Navy Wool Trousers",
    harmony: "analogous",
    score: 0.8,
    rationale: ["a", "b"],
  },
});
const render0 = event({
  stage: "render",
  extra: { attempt: 0, seed: 7, model: "builtin-flatlay", render_ms: 120 },
  artifacts: [
    { image_url: "/a0", kind: "catalog_image", role: "intermediate", label: null, meta: {} },
  ],
});
const eval0 = event({
  stage: "eval",
  extra: { attempt: 0, passed: false, score: 0.4, checks: [] },
});
const render1 = event({
  stage: "render",
  extra: { attempt: 1, seed: 8, model: "builtin-flatlay" },
});
const eval1 = event({
  stage: "eval",
  extra: { attempt: 1, passed: true, score: 0.95, checks: [] },
});

describe("the job timeline", () => {
  it("marks reached steps done and the next one current while the job runs", () => {
    expect(stepStates([queued, plan], true)).toEqual({
      queued: "done",
      plan: "done",
      render: "current",
      eval: "pending",
      done: "pending",
    });
  });

  it("skips evaluation when it is off and ends done on success", () => {
    const done = event({ event_type: "succeeded", stage: "done" });
    expect(stepStates([queued, plan, render0, done], false)).toEqual({
      queued: "done",
      plan: "done",
      render: "done",
      eval: "skipped",
      done: "done",
    });
  });

  it("marks the step where a failure happened as failed", () => {
    const failed = event({ event_type: "failed", extra: { refunded_credits: 5 } });
    expect(stepStates([queued, plan, failed], true)).toMatchObject({
      render: "failed",
      eval: "pending",
      done: "pending",
    });
  });

  it("pairs each render attempt with its evaluation, in attempt order", () => {
    const attempts = attemptsOf([queued, plan, render1, eval1, render0, eval0]);
    expect(attempts.map((a) => [a.attempt, a.seed, a.evaluation?.passed])).toEqual([
      [0, 7, false],
      [1, 8, true],
    ]);
    expect(attempts[0]?.imageUrl).toBe("/a0");
  });

  it("reads the plan from its event, and the product from the final artifact's plan", () => {
    const view = planOf([plan], { plan: { product: { categoryName: "T-shirt" } } });
    expect(view?.displayName).toBe("Navy Wool Trousers");
    expect(view?.rationale).toEqual(["a", "b"]);
    expect(view?.product?.categoryName).toBe("T-shirt");
    expect(planOf([queued])).toBeNull();
  });
});
