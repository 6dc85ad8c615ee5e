import { handleMetricsRequest } from "@garment/server/rest";
import { runtime } from "~/lib/runtime";

// Prometheus scrape target: this instance's `garment_*` series (Bearer STUDIO_METRICS_TOKEN when set).
export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleMetricsRequest(runtime, request);
