import { parseColor } from "@garment/styling";
import { z } from "zod";
import { CAPABILITIES } from "../../auth/api-keys";
import { requireCapability } from "../../auth/authenticate";
import { forbidden, resourceNotFound } from "../../errors";
import { createApiKey } from "../../services/clients/api-keys";
import { JobHistoryQuery, listJobHistory } from "../../services/studio/job-history";
import { apiKeyProcedure, router } from "../init";

/** Procedures only a signed-in stylist (session cookie) may call: account settings. */
const stylistProcedure = apiKeyProcedure.use(({ ctx, next }) => {
  const userId = ctx.caller.userId;
  if (!userId) throw forbidden("Only a signed-in Studio user may do this.");
  return next({ ctx: { userId } });
});

/** What the Studio's pages need beyond the public API's twins. */
export const studioRouter = router({
  me: stylistProcedure.query(async ({ ctx }) => {
    const user = await ctx.runtime.db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      include: { client: { select: { name: true } } },
    });
    return {
      email: user.email,
      name: user.name,
      client_id: user.clientId,
      client_name: user.client.name,
    };
  }),

  /** Choices the spec form offers that the public API has no list for (pilot brands). */
  formOptions: apiKeyProcedure.query(async ({ ctx }) => ({
    pilot_brands: (await ctx.runtime.reference.brands()).map((b) => ({
      slug: b.slug,
      name: b.name,
    })),
  })),

  /** The color the engine will understand for what is typed so far (swatch + recognised name). */
  recognizeColor: apiKeyProcedure
    .input(z.object({ text: z.string().max(100) }))
    .query(({ input }) => {
      const parsed = parseColor(input.text);
      return parsed ? { hex: parsed.hex, name: parsed.name, source: parsed.source } : null;
    }),

  history: apiKeyProcedure
    .input(JobHistoryQuery)
    .query(({ ctx, input }) =>
      listJobHistory(ctx.runtime.db, ctx.runtime.signer, ctx.caller, input),
    ),

  /** The credit ledger, newest first: grants, debits per job and their refunds. */
  ledger: apiKeyProcedure
    .input(
      z.object({ limit: z.int().min(1).max(100).default(20), offset: z.int().min(0).default(0) }),
    )
    .query(async ({ ctx, input }) => {
      requireCapability(ctx.caller, "jobs:read");
      const where = { clientId: ctx.caller.clientId, mode: ctx.caller.mode };
      const [entries, count] = await Promise.all([
        ctx.runtime.db.creditLedgerEntry.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: input.offset,
          take: input.limit,
        }),
        ctx.runtime.db.creditLedgerEntry.count({ where }),
      ]);
      return {
        entries: entries.map((e) => ({
          id: e.id,
          kind: e.kind,
          amount: e.amount,
          job_id: e.jobId,
          note: e.note,
          created_at: e.createdAt.toISOString(),
        })),
        count,
        limit: input.limit,
        offset: input.offset,
      };
    }),

  apiKeys: router({
    list: stylistProcedure.query(async ({ ctx }) => {
      const keys = await ctx.runtime.db.apiKey.findMany({
        where: { clientId: ctx.caller.clientId },
        orderBy: { createdAt: "desc" },
      });
      return keys.map((k) => ({
        key_id: k.id,
        name: k.name,
        prefix: k.displayPrefix,
        mode: k.mode,
        capabilities: k.capabilities,
        created_at: k.createdAt.toISOString(),
        revoked_at: k.revokedAt?.toISOString() ?? null,
      }));
    }),
    /** Returns the plain key: the only time it is ever visible. */
    create: stylistProcedure
      .input(
        z.object({
          name: z.string().trim().min(1).max(80),
          mode: z.enum(["live", "test"]),
          capabilities: z.array(z.enum(CAPABILITIES)).min(1),
        }),
      )
      .mutation(({ ctx, input }) =>
        createApiKey(ctx.runtime.db, { clientId: ctx.caller.clientId, ...input }),
      ),
    revoke: stylistProcedure
      .input(z.object({ key_id: z.string().max(64) }))
      .mutation(async ({ ctx, input }) => {
        const key = await ctx.runtime.db.apiKey.findFirst({
          where: { id: input.key_id, clientId: ctx.caller.clientId },
        });
        if (!key) throw resourceNotFound("API key");
        const revokedAt = key.revokedAt ?? new Date();
        if (!key.revokedAt)
          await ctx.runtime.db.apiKey.update({ where: { id: key.id }, data: { revokedAt } });
        return { key_id: key.id, revoked_at: revokedAt.toISOString() };
      }),
  }),
});
