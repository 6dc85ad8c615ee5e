/**
 * What the core tells the operator's metrics, in domain terms. The services and the workflow
 * steps call this port; the Prometheus adapter (observability/prometheus-metrics.ts) turns it into
 * `garment_*` series, so nothing below the edge imports prom-client. Every method is cheap,
 * synchronous and never throws.
 */
export interface Metrics {
  /** One API request or tRPC call settled at the edge (the one place requests are logged). */
  requestHandled(request: HandledRequest): void;
  /** A dispatch (single or batch) was accepted, or refused with this HTTP status. */
  dispatchSettled(dispatch: { route: string; status: number }): void;
  /** Credits charged by an accepted dispatch (a replay charges nothing and is not counted). */
  creditsDebited(amount: number): void;
  /** A job reached a terminal state (counted by whoever made the transition, so once). */
  jobFinished(job: { status: "SUCCESS" | "FAILURE"; reason: string | null }): void;
  /** Credits given back by the one refund of a failed job. */
  creditsRefunded(refund: { amount: number; reason: string }): void;
  /** One render call of an image model, successful or not. */
  renderFinished(render: {
    model: string;
    resolution: string;
    outcome: "succeeded" | "failed";
    seconds: number;
  }): void;
  /** One evaluation of a render. */
  renderEvaluated(evaluation: { passed: boolean }): void;
  /** One webhook delivery attempt. */
  webhookAttempted(attempt: { outcome: "succeeded" | "failed" | "refused" | "skipped" }): void;
}

export interface HandledRequest {
  transport: "rest" | "trpc";
  method: string;
  /** Low cardinality: the route's template (`/v1/jobs/{public_id}`) or the tRPC path. */
  route: string;
  status: number;
  seconds: number;
}

/** For tests and tools that observe nothing. */
export const NO_METRICS: Metrics = {
  requestHandled: () => undefined,
  dispatchSettled: () => undefined,
  creditsDebited: () => undefined,
  jobFinished: () => undefined,
  creditsRefunded: () => undefined,
  renderFinished: () => undefined,
  renderEvaluated: () => undefined,
  webhookAttempted: () => undefined,
};
