import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const STUDIO_DIR = path.join(REPO_ROOT, "apps/studio");

/** The production build must exist: this test reuses it (CI builds it once for the e2e suites). */
export function assertStudioBuilt() {
  if (!existsSync(path.join(STUDIO_DIR, ".next/BUILD_ID")))
    throw new Error(
      "No production build of the Studio: run `pnpm turbo run build --filter=@garment/studio` first (pnpm test:e2e does).",
    );
}

/**
 * One `pnpm start` of the production build (the front door), as an operator runs it. Its own process group, so
 * a SIGKILL takes it down the way a crashed machine would, with every child it started.
 */
export class Instance {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  starts = 0;
  readonly logFile: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.logFile = path.join(logDir, `${name}.log`);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return this.child !== null;
  }

  /** Starts the server and resolves once GET /api/ready answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running`);
    const log = openSync(this.logFile, "a");
    // What `pnpm start` runs: the front door over the production build.
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: STUDIO_DIR,
      env: this.env,
      stdio: ["ignore", log, log],
      detached: true,
    });
    closeSync(log);
    this.child = child;
    this.starts += 1;
    const state: { exit: number | string | null } = { exit: null };
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        state.exit = code ?? signal ?? "exited";
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (state.exit !== null)
        throw new Error(`${this.name} exited (${state.exit}) while starting:\n${this.logTail()}`);
      try {
        const response = await fetch(`${this.url}/api/ready`, {
          signal: AbortSignal.timeout(5_000),
        });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(250);
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.logTail()}`);
  }

  /** SIGKILL to the whole process group: no shutdown code runs, runs in flight keep their lease. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    process.kill(-child.pid, "SIGKILL");
    await this.exited;
  }

  /** SIGTERM (the graceful shutdown), then SIGKILL if it has not exited in time. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const pid = child.pid;
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 40): string {
    if (!existsSync(this.logFile)) return "(no log)";
    return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
  }
}

export function scratchLogDir(): string {
  return mkdtempSync(path.join(tmpdir(), "gs-topology-"));
}

export function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
