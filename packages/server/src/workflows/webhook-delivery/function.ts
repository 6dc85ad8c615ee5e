import type { Inngest } from "inngest";
import { NonRetriableError } from "inngest";
import { z } from "zod";
import { WEBHOOK_DELIVERY_EVENT } from "../../services/webhooks/enqueue-deliveries";
import {
  attemptWebhookDelivery,
  buildWebhookMessage,
  markWebhookDeliveryFailed,
  UndeliverableWebhook,
  type WebhookDeliveryDeps,
} from "../../services/webhooks/deliver";

export const WEBHOOK_DELIVERY_FUNCTION_ID = "webhook-delivery";

const DeliveryEvent = z.object({ deliveryId: z.string() });

// Inngest types `retries` as the literals 0…20.
type Retries =
  0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;
const retriesFor = (maxAttempts: number) =>
  Math.min(20, Math.max(0, Math.floor(maxAttempts) - 1)) as Retries;

/**
 * Delivers one webhook message: its body is built once (memoized), then the `deliver` step
 * POSTs it; a failed attempt throws, and the engine retries the step with its backoff until
 * the attempts run out, when `onFailure` marks the delivery failed. It runs apart from the
 * generation workflow, so a slow or broken endpoint never holds up or fails a job.
 */
export function createWebhookDeliveryFunction(inngest: Inngest.Any, deps: WebhookDeliveryDeps) {
  return inngest.createFunction(
    {
      id: WEBHOOK_DELIVERY_FUNCTION_ID,
      name: "Webhook delivery",
      triggers: [{ event: WEBHOOK_DELIVERY_EVENT }],
      retries: retriesFor(deps.settings.webhooks.maxAttempts),
      onFailure: async ({ event, step }) => {
        const { deliveryId } = DeliveryEvent.parse(
          (event.data as { event: { data: unknown } }).event.data,
        );
        await step.run("mark-failed", () => markWebhookDeliveryFailed(deps.db, deliveryId));
      },
    },
    async ({ event, step }) => {
      const { deliveryId } = DeliveryEvent.parse(event.data);
      const message = await step.run("build-message", () => buildWebhookMessage(deps, deliveryId));
      if (!message) return { outcome: "missing" };
      return step.run("deliver", async () => {
        try {
          return await attemptWebhookDelivery(deps, deliveryId, message.body);
        } catch (error) {
          if (error instanceof UndeliverableWebhook)
            throw new NonRetriableError(error.message, { cause: error });
          throw error;
        }
      });
    },
  );
}
