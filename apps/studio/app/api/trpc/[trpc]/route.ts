import { handleTrpcRequest } from "@garment/server/trpc";
import { runtime } from "~/lib/runtime";

export const dynamic = "force-dynamic";
const handle = async (request: Request) => handleTrpcRequest(await runtime(), request);
export { handle as GET, handle as POST };
