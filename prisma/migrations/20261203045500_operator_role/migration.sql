-- The operator role: a Studio user who may see every client's queue, failures and refunds on
-- the operator's page. Stylists (everyone until granted with `users operator`) may not.
ALTER TABLE "users" ADD COLUMN "is_operator" BOOLEAN NOT NULL DEFAULT false;
