import { handleReadyRequest } from "@garment/server/rest";
import { runtime } from "~/lib/runtime";

// Readiness: 200 only when the database, its migrations and the workflow engine are fine and
// the instance is not shutting down; 503 with the reasons otherwise.
export const dynamic = "force-dynamic";
export const GET = () => handleReadyRequest(runtime);
