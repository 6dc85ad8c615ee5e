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
  try {
    readiness = await checkReadiness(await runtime());
  } catch (error) {
    readiness = notStarted(error);
  }
  const body = {
    status: readiness.ready ? "ready" : "not_ready",
    reasons: readiness.reasons,
    checks: readiness.checks,
  };
  return new Response(JSON.stringify(body), {
    status: readiness.ready ? 200 : 503,
    headers: NO_STORE,
  });
}
