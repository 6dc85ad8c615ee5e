import { checkReadiness, notStarted, type Readiness } from "../runtime/readiness";
import type { AppRuntime } from "../runtime/app-runtime";

// Probes for load balancers and orchestrators. They need no credentials, write no request log
// and are never cached: they describe this instance at this moment.
const NO_STORE = { "content-type": "application/json", "cache-control": "no-store" };

/** `GET /api/health`: 200 while the process can answer at all (liveness). */
export function handleHealthRequest(): Response {
  return new Response(JSON.stringify({ status: "ok" }), { status: 200, headers: NO_STORE });
}

/**
 * `GET /api/ready`: 200 when this instance should get traffic, else 503 with the reasons.
 * Takes the runtime as a promise: a runtime that failed to start is a reason too.
 */
export async function handleReadyRequest(runtime: () => Promise<AppRuntime>): Promise<Response> {
  let readiness: Readiness;
  let requestsInFlight: number | null = null;
  try {
    const started = await runtime();
    readiness = await checkReadiness(started);
    requestsInFlight = started.lifecycle.requestsInFlight;
  } catch (error) {
    readiness = notStarted(error);
  }
  const body = {
    status: readiness.ready ? "ready" : "not_ready",
    reasons: readiness.reasons,
    checks: readiness.checks,
    // API requests being served now (a draining instance exits once this reaches 0).
    requests_in_flight: requestsInFlight,
  };
  return new Response(JSON.stringify(body), {
    status: readiness.ready ? 200 : 503,
    headers: NO_STORE,
  });
}
