import type { DataMode, PrismaClient } from "@garment/db";
import { normalizeCapabilities } from "../auth/api-keys";
import { createShopifyCredential, revokeShopifyCredential } from "../auth/shopify";
import { createApiKey, revokeApiKey } from "../services/clients/api-keys";
import { createClient } from "../services/clients/create-client";
import { getBalance, grantCredits } from "../services/credits/balance";
import { createUser, normalizeEmail } from "../services/users/create-user";

type Flags = Record<string, string | undefined>;

export interface CommandSpec {
  name: string;
  usage: string;
  options: Record<string, { type: "string" }>;
  run(db: PrismaClient, flags: Flags): Promise<unknown>;
}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (value === undefined || value === "") throw new Error(`--${name} is required.`);
  return value;
}

function integer(flags: Flags, name: string): number {
  const raw = required(flags, name);
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer (got "${raw}").`);
  return value;
}

function mode(flags: Flags): DataMode {
  const value = flags.mode ?? "live";
  if (value !== "live" && value !== "test")
    throw new Error(`--mode must be live or test (got "${value}").`);
  return value;
}

const str = { type: "string" } as const;

export const COMMANDS: CommandSpec[] = [
  {
    name: "clients create",
    usage: "--name NAME --credits N [--test-credits N]   → {client_id, api_key, test_api_key}",
    options: { name: str, credits: str, "test-credits": str },
    run: (db, f) =>
      createClient(db, {
        name: required(f, "name"),
        credits: integer(f, "credits"),
        ...(f["test-credits"] !== undefined ? { testCredits: integer(f, "test-credits") } : {}),
      }),
  },
  {
    name: "clients list",
    usage: "→ [{client_id, name, created_at}]",
    options: {},
    run: async (db) =>
      (await db.client.findMany({ orderBy: { createdAt: "asc" } })).map((c) => ({
        client_id: c.id,
        name: c.name,
        created_at: c.createdAt.toISOString(),
      })),
  },
  {
    name: "keys create",
    usage:
      "--client ID [--mode live|test] [--capabilities jobs:create,jobs:read] [--name N]   (key printed once)",
    options: { client: str, mode: str, capabilities: str, name: str },
    run: (db, f) =>
      createApiKey(db, {
        clientId: required(f, "client"),
        mode: mode(f),
        ...(f.capabilities
          ? {
              capabilities: f.capabilities
                .split(",")
                .map((c) => c.trim())
                .filter(Boolean),
            }
          : {}),
        ...(f.name ? { name: f.name } : {}),
      }),
  },
  {
    name: "keys list",
    usage: "--client ID   → keys without their secrets",
    options: { client: str },
    run: async (db, f) =>
      (
        await db.apiKey.findMany({
          where: { clientId: required(f, "client") },
          orderBy: { createdAt: "asc" },
        })
      ).map((k) => ({
        key_id: k.id,
        prefix: k.displayPrefix,
        mode: k.mode,
        capabilities: k.capabilities,
        revoked_at: k.revokedAt?.toISOString() ?? null,
      })),
  },
  {
    name: "keys revoke",
    usage: "--key KEY_ID|sk_…",
    options: { key: str },
    run: (db, f) => revokeApiKey(db, required(f, "key")),
  },
  {
    name: "credits grant",
    usage: "--client ID --amount N [--mode live|test]   → {balance}",
    options: { client: str, amount: str, mode: str },
    run: async (db, f) => ({
      balance: await grantCredits(db, {
        clientId: required(f, "client"),
        mode: mode(f),
        amount: integer(f, "amount"),
        note: "granted by the admin CLI",
      }),
    }),
  },
  {
    name: "credits show",
    usage: "--client ID [--mode live|test]   → {balance}",
    options: { client: str, mode: str },
    run: async (db, f) => {
      const clientId = required(f, "client");
      if (!(await db.client.findUnique({ where: { id: clientId } })))
        throw new Error(`No client ${clientId}.`);
      return { balance: await getBalance(db, clientId, mode(f)) };
    },
  },
  {
    name: "users create",
    usage: "--client ID --email E --password P [--name N]   → {user_id, client_id, email}",
    options: { client: str, email: str, password: str, name: str },
    run: (db, f) =>
      createUser(db, {
        clientId: required(f, "client"),
        email: required(f, "email"),
        password: required(f, "password"),
        ...(f.name ? { name: f.name } : {}),
      }),
  },
  {
    name: "users operator",
    usage: "--email E [--revoke true]   → {email, is_operator}  (the operator's page)",
    options: { email: str, revoke: str },
    run: async (db, f) => {
      const email = normalizeEmail(required(f, "email"));
      const isOperator = f.revoke !== "true";
      const updated = await db.user.updateMany({ where: { email }, data: { isOperator } });
      if (updated.count === 0) throw new Error(`No user ${email}.`);
      return { email, is_operator: isOperator };
    },
  },
  {
    name: "categories list",
    usage: "→ [{public_id, name, slot}]",
    options: {},
    run: async (db) =>
      (await db.garmentCategory.findMany({ orderBy: { sortOrder: "asc" } })).map((c) => ({
        public_id: c.id,
        slug: c.slug,
        name: c.name,
        slot: c.slot,
      })),
  },
  {
    name: "shopify add",
    usage:
      "--client ID --shop x.myshopify.com [--mode live|test] [--secret S] [--capabilities …]   → {id, secret}",
    options: { client: str, mode: str, shop: str, secret: str, capabilities: str },
    run: (db, f) =>
      createShopifyCredential(db, {
        clientId: required(f, "client"),
        mode: mode(f),
        capabilities: normalizeCapabilities(
          (f.capabilities ?? "jobs:create,jobs:read").split(",").map((c) => c.trim()),
        ),
        shopDomain: required(f, "shop"),
        ...(f.secret ? { secret: f.secret } : {}),
      }),
  },
  {
    name: "shopify revoke",
    usage: "--credential ID   → {id, revoked_at}   (the secret authenticates nothing from now on)",
    options: { credential: str },
    run: (db, f) => revokeShopifyCredential(db, required(f, "credential")),
  },
];
