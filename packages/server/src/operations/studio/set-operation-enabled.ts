import { z } from "zod";
import { setOperationEnabled as setEnabled } from "../../services/operator/operation-switch";
import { defineOperation } from "../define";

/** The operator's switch per operation. */
export const setOperationEnabled = defineOperation({
  audience: { operator: true },
  input: z.object({ name: z.string().min(1).max(128), enabled: z.boolean() }),
  run: ({ runtime }, change) =>
    setEnabled(runtime.db, change, () => runtime.reference.invalidate()),
  trpc: "mutation",
});
