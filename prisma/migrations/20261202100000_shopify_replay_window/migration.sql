-- Shopify-signed requests are accepted once per X-Shopify-Webhook-Id (per credential).
-- CreateTable
CREATE TABLE "shopify_webhook_events" (
    "credential_id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shopify_webhook_events_pkey" PRIMARY KEY ("credential_id","webhook_id")
);

-- CreateIndex
CREATE INDEX "shopify_webhook_events_received_at_idx" ON "shopify_webhook_events"("received_at");

-- AddForeignKey
ALTER TABLE "shopify_webhook_events" ADD CONSTRAINT "shopify_webhook_events_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "shopify_credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
