import { z } from "zod";
import { revokeApiKey as revoke } from "../../services/clients/api-keys";
import { defineOperation } from "../define";

export const revokeApiKey = defineOperation({
  audience: { stylist: true },
  input: z.object({ key_id: z.string().max(64) }),
  run: ({ runtime, caller }, { key_id }) =>
    revoke(runtime.db, key_id, {
      owner: { clientId: caller.clientId },
      onRevoked: (keyHash) => runtime.apiKeys.invalidate(keyHash),
    }),
  trpc: "mutation",
});
