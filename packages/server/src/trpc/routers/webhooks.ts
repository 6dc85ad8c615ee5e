import { UsageQuery, WebhookEndpointCreateRequest } from "@garment/schemas";
import { z } from "zod";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from "../../services/webhooks/endpoints";
import { apiKeyProcedure, router } from "../init";

export const webhooksRouter = router({
  list: apiKeyProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.runtime.db, ctx.caller)),
  create: apiKeyProcedure
    .input(WebhookEndpointCreateRequest)
    .mutation(({ ctx, input }) =>
      createWebhookEndpoint(ctx.runtime.db, ctx.runtime.settings, ctx.caller, input),
    ),
  delete: apiKeyProcedure
    .input(z.object({ public_id: z.string().max(64) }))
    .mutation(({ ctx, input }) =>
      deleteWebhookEndpoint(ctx.runtime.db, ctx.caller, input.public_id),
    ),
  deliveries: apiKeyProcedure
    .input(UsageQuery.extend({ public_id: z.string().max(64) }))
    .query(({ ctx, input }) =>
      listWebhookDeliveries(ctx.runtime.db, ctx.caller, input.public_id, input),
    ),
});
