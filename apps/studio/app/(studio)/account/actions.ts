"use server";

import { appRouter, type RouterInputs } from "@garment/server/trpc";
import { studioAction } from "~/lib/trpc-server";

// Key and webhook management as server actions: the same procedures /api/trpc serves, through
// the same edge (lib/trpc-server.ts). Each answers tRPC's response shape; the dialogs unwrap it.
const createApiKey = studioAction(appRouter.studio.apiKeys.create);
const revokeApiKey = studioAction(appRouter.studio.apiKeys.revoke);
const createWebhook = studioAction(appRouter.webhooks.create);
const deleteWebhook = studioAction(appRouter.webhooks.delete);

type Inputs = RouterInputs;

export async function createApiKeyAction(input: Inputs["studio"]["apiKeys"]["create"]) {
  return createApiKey(input);
}

export async function revokeApiKeyAction(input: Inputs["studio"]["apiKeys"]["revoke"]) {
  return revokeApiKey(input);
}

export async function createWebhookAction(input: Inputs["webhooks"]["create"]) {
  return createWebhook(input);
}

export async function deleteWebhookAction(input: Inputs["webhooks"]["delete"]) {
  return deleteWebhook(input);
}
