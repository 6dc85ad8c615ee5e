import { handleHealthRequest } from "@garment/server/rest";

// Liveness: answers while the process is up, without touching the runtime.
export const dynamic = "force-dynamic";
export const GET = () => handleHealthRequest();
