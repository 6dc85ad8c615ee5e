"use server";

import { appRouter, type RouterInputs } from "@garment/server/trpc";
import { studioAction } from "~/lib/trpc-server";

// The operator's switch as a server action over its procedure (the edge checks the role).
const setEnabled = studioAction(appRouter.studio.operator.setOperationEnabled);

export async function setOperationEnabledAction(
  input: RouterInputs["studio"]["operator"]["setOperationEnabled"],
) {
  return setEnabled(input);
}
