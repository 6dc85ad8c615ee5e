"use server";

import { appRouter, type RouterInputs } from "@garment/server/trpc";
import { studioAction } from "~/lib/trpc-server";

// The job page's mutations as server actions over the same procedures (lib/trpc-server.ts).
const dispatch = studioAction(appRouter.complementaryGarment.dispatch);
const cancel = studioAction(appRouter.jobs.cancel);

/** "Same spec, new seed": a dispatch of the job's request (the edge parses and charges it). */
export async function rerunJobAction(input: RouterInputs["complementaryGarment"]["dispatch"]) {
  return dispatch(input);
}

export async function cancelJobAction(input: RouterInputs["jobs"]["cancel"]) {
  return cancel(input);
}
