import { z } from "zod";
import { setOperationEnabled as setEnabled } from "../../services/operator/operation-switch";
import { defineOperation } from "../define";

/** The operator's switch per operation (the operator role is checked in the service). */
export const setOperationEnabled = defineOperation({
  audience: { stylist: true },
  input: z.object({ name: z.string().min(1).max(128), enabled: z.boolean() }),
  run: ({ runtime, caller }, change) =>
    setEnabled(runtime.db, caller.userId, change, () => runtime.reference.invalidate()),
  trpc: "mutation",
});
