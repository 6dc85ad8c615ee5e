-- CreateTable
CREATE TABLE "shopify_credentials" (
    "id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "mode" "DataMode" NOT NULL,
    "shop_domain" TEXT,
    "secret" TEXT NOT NULL,
    "capabilities" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "shopify_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "shopify_credentials_shop_domain_idx" ON "shopify_credentials"("shop_domain");
