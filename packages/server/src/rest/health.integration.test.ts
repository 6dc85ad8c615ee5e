import { openDatabase, openTestDatabase, testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TcpProxy } from "../../test/tcp-proxy";
import { createWorkflowTestRuntime, type WorkflowTestRuntime } from "../../test/workflow-harness";
import { handleHealthRequest, handleReadyRequest } from "./health";

async function ready(runtime: () => Promise<WorkflowTestRuntime>) {
  const response = await handleReadyRequest(runtime);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; reasons: string[] },
  };
}

describe("health", () => {
  it("answers 200 without a runtime", async () => {
    const response = handleHealthRequest();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("readiness on PGlite", () => {
  let runtime: WorkflowTestRuntime;
  beforeAll(async () => {
    runtime = await createWorkflowTestRuntime("pglite");
  });
  afterAll(() => runtime.close());

  it("is ready with the database migrated and the runner claiming", async () => {
    expect(await ready(async () => runtime)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: "ready", reasons: [] }),
    });
  });

  it("goes 503 naming a migration that is not applied", async () => {
    const [last] = await runtime.db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await runtime.db.$executeRaw`
      UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${last!.migration_name}`;
    try {
      const { status, body } = await ready(async () => runtime);
      expect(status).toBe(503);
      expect(body.reasons).toEqual([`migrations not applied: ${last!.migration_name}`]);
    } finally {
      await runtime.db.$executeRaw`
        UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${last!.migration_name}`;
    }
  });

  it("goes 503 with the reason when the runtime could not start", async () => {
    const { status, body } = await ready(() => Promise.reject(new Error("connect ECONNREFUSED")));
    expect(status).toBe(503);
    expect(body.reasons).toEqual(["runtime not started: connect ECONNREFUSED"]);
  });

  it("goes 503 once the instance is draining", async () => {
    runtime.lifecycle.startDraining();
    const { status, body } = await ready(async () => runtime);
    expect(status).toBe(503);
    expect(body.reasons).toEqual(["shutting down"]);
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("readiness on PostgreSQL", () => {
  it("goes 503 with the reason while the database is unreachable, and back to 200 after", async () => {
    const database = await openTestDatabase("postgres");
    const target = new URL(database.url!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const proxied = new URL(database.url!);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    const runtime = await createWorkflowTestRuntime("postgres", {
      database: await openDatabase({ url: proxied.toString(), migrate: false, poolSize: 2 }),
    });
    try {
      expect((await ready(async () => runtime)).status).toBe(200);

      await proxy.cut();
      const down = await ready(async () => runtime);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe("not_ready");
      expect(down.body.reasons[0]).toMatch(/^database unreachable: /);
      expect(JSON.stringify(down.body)).not.toContain(database.url!);

      await proxy.open();
      expect(await ready(async () => runtime)).toEqual({
        status: 200,
        body: expect.objectContaining({ status: "ready" }),
      });
    } finally {
      // A claim cut off mid-transaction by the proxy waits out Prisma's transaction timeout
      // (5 s) before the runner can stop: bounded, as the graceful shutdown bounds it.
      await Promise.race([
        runtime.close().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
      await proxy.cut();
      await database.close();
    }
  }, 60_000);
});
