"use server";

import { appRouter, type RouterInputs } from "@garment/server/trpc";
import { studioAction } from "~/lib/trpc-server";

// The batch upload's dispatch as a server action over its procedure (lib/trpc-server.ts).
const create = studioAction(appRouter.batches.create);

/** Charges and queues the rows as one batch; the edge parses every row and answers 422 per cell. */
export async function createBatchAction(input: RouterInputs["batches"]["create"]) {
  return create(input);
}
