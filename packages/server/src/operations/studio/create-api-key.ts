import { z } from "zod";
import { CAPABILITIES } from "../../auth/api-keys";
import { createApiKey as create } from "../../services/clients/api-keys";
import { defineOperation } from "../define";

/** Returns the plain key: the only time it is ever visible. */
export const createApiKey = defineOperation({
  audience: { stylist: true },
  input: z.object({
    name: z.string().trim().min(1).max(80),
    mode: z.enum(["live", "test"]),
    capabilities: z.array(z.enum(CAPABILITIES)).min(1),
  }),
  run: ({ runtime, caller }, input) => create(runtime.db, { clientId: caller.clientId, ...input }),
  trpc: "mutation",
});
