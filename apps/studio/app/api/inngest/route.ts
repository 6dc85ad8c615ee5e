import { inngestServeHandler } from "@garment/server/runtime";
import { runtime } from "~/lib/runtime";

// Inngest (cloud or self-hosted) calls this to discover and run the functions. With no Inngest
// configured the embedded runner executes them in-process and this endpoint answers 404.
export const dynamic = "force-dynamic";
const handle = async (request: Request) => inngestServeHandler(await runtime(), request);
export { handle as GET, handle as POST, handle as PUT };
