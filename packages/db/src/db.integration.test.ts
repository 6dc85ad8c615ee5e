import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { openDatabase, openTestDatabase, testDatabaseKinds, type DatabaseHandle } from "./index";
import { DatabaseLockedError } from "./internal/data-dir-lock";

describe.each(testDatabaseKinds())("database on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("is migrated and round-trips a row", async () => {
    await handle.db.client.create({ data: { id: "01KDVDNA00ZKRRMS30Q0DXB47Z", name: "Acme" } });
    const found = await handle.db.client.findUnique({
      where: { id: "01KDVDNA00ZKRRMS30Q0DXB47Z" },
    });
    expect(found?.name).toBe("Acme");
  });

  it("refuses a negative balance at the database level", async () => {
    await handle.db.client.create({ data: { id: "01KDVDNA00ZKRRMS30Q0DXB48A", name: "Broke" } });
    await expect(
      handle.db.creditAccount.create({
        data: { clientId: "01KDVDNA00ZKRRMS30Q0DXB48A", mode: "live", balance: -1 },
      }),
    ).rejects.toThrow();
  });
});

describe("embedded database folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gs-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates on first open, keeps data across reopen, and admits one process at a time", async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.db.client.create({ data: { id: "01KDVDNA00ZKRRMS30Q0DXB49A", name: "Persisted" } });
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);

    // A second process fails fast with a message naming the holder.
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "-e",
      `import("${path.resolve("src/index.ts")}").then(m => m.openDatabase({ dataDir: ${JSON.stringify(dir)} })).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`,
    ]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(3);
    expect(stderr).toContain(`in use by process ${process.pid}`);

    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect(await again.db.client.count({ where: { name: "Persisted" } })).toBe(1);
    await again.close();
    // Three PGlite opens (one runs initdb and every migration in WASM) and a child process: about
    // 5 s on a quiet machine, past 30 s on a loaded one.
  }, 180_000);
});
