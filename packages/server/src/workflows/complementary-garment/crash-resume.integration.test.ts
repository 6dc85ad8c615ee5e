import { openDatabase } from "@garment/db";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { createWorkflowTestRuntime, ScriptedModel, settle } from "../../../test/workflow-harness";
import { getBalance, ledgerSum } from "../../services/credits/balance";

describe("a server killed mid-run (SIGKILL) and restarted", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "gs-crash-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("resumes the run from its memoized steps and finishes the job once", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("test/crash-child.ts"), dataDir],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, LOG_LEVEL: "silent" },
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const { jobId, clientId } = JSON.parse(line) as { jobId: string; clientId: string };
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    // The next start takes over the dead process's lock and, once its lease lapses, its run.
    const runtime = await createWorkflowTestRuntime("pglite", {
      database: await openDatabase({ dataDir }),
      leaseMs: 1_000,
      models: (builtin) => [new ScriptedModel("slow", builtin, 0)],
    });
    try {
      await settle(runtime, 60_000);
      const job = await runtime.db.job.findUniqueOrThrow({
        where: { id: jobId },
        include: { events: { orderBy: { seq: "asc" } } },
      });
      expect(job.status).toBe("SUCCESS");
      const stages = job.events.map((e) => e.stage ?? e.eventType);
      // Planning happened before the crash and is not repeated; the hung render is redone.
      expect(stages.filter((s) => s === "plan")).toHaveLength(1);
      expect(stages.filter((s) => s === "started")).toHaveLength(1);
      expect(job.events.filter((e) => e.eventType === "succeeded")).toHaveLength(1);
      expect(runtime.models.get("slow")!.calls).toBe(1);
      expect(await getBalance(runtime.db, clientId, "live")).toBe(45);
      expect(await ledgerSum(runtime.db, clientId, "live")).toBe(45);
    } finally {
      await runtime.close();
    }
  }, 120_000);
});
