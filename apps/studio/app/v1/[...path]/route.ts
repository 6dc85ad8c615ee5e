import { handleV1Request } from "@garment/server/rest";
import { runtime } from "~/lib/runtime";

// Thin by design: every /v1 request goes to the server package's router.
export const dynamic = "force-dynamic";
const handle = async (request: Request) => handleV1Request(await runtime(), request);
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
