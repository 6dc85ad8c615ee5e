import { Prisma, type DataMode, type RawQuery } from "@garment/db";
import { GroupCommit } from "./group-commit";

export interface RequestLogEntry {
  requestId: string;
  clientId: string | null;
  apiKeyId: string | null;
  mode: DataMode | null;
  transport: "rest" | "trpc";
  method: string;
  path: string;
  statusCode: number;
  latencyMs: number;
  creditsMoved: number;
  errorCode: string | null;
}

// The only module that writes `request_logs`: the edge through RequestLogWriter, and the
// dispatch statement through requestLogFromDebit (so a dispatch costs one statement).

/** Most rows one statement writes. */
const MAX_ROWS_PER_STATEMENT = 256;

/**
 * Writes each request's one `request_logs` row, or — when a dispatch already wrote it in its
 * statement and the request then failed (the engine refused the job: 503) — completes that row
 * with the outcome.
 *
 * Rows are written in groups: while one INSERT is in flight, rows of the requests that finish
 * meanwhile wait and go together in the next (one round trip and one commit for all of them,
 * instead of one each). A request still waits for its own row to commit before it is answered.
 * If a group fails, its rows are retried one by one, so one bad row costs no other its log.
 */
export class RequestLogWriter {
  private readonly groups: GroupCommit<RequestLogEntry, void>;

  constructor(query: RawQuery) {
    this.groups = new GroupCommit({
      maxGroup: MAX_ROWS_PER_STATEMENT,
      commitGroup: async (entries) => {
        await query(insertRequestLogs(entries));
        return entries.map(() => undefined);
      },
      commitOne: async (entry) => {
        await query(insertRequestLogs([entry]));
      },
    });
  }

  /** INSERT statements sent so far: what the tests look at. */
  get statements(): number {
    return this.groups.statements;
  }

  /** Resolves once the row committed (every request's row shares one lane). */
  write(entry: RequestLogEntry): Promise<void> {
    return this.groups.submit("", entry);
  }
}

const ON_CONFLICT_COMPLETE = Prisma.sql`
    ON CONFLICT (id) DO UPDATE SET status_code = EXCLUDED.status_code, latency_ms = EXCLUDED.latency_ms,
      credits_moved = EXCLUDED.credits_moved, error_code = EXCLUDED.error_code`;

/** One INSERT of many rows (arrays unnested); a repeated request id keeps its last outcome. */
function insertRequestLogs(entries: RequestLogEntry[]): Prisma.Sql {
  const byId = new Map(entries.map((entry) => [entry.requestId, entry]));
  const rows = [...byId.values()];
  if (rows.length === 1) {
    // Alone (a quiet server), the plain VALUES form: no arrays to build and unnest.
    const [e] = rows as [RequestLogEntry];
    return Prisma.sql`
    INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved, error_code)
    VALUES (${e.requestId}, ${e.clientId}, ${e.apiKeyId}, ${e.mode}::"DataMode", ${e.transport},
            ${e.method}, ${e.path.slice(0, 500)}, ${e.statusCode}, ${e.latencyMs}, ${e.creditsMoved}, ${e.errorCode})
    ${ON_CONFLICT_COMPLETE}`;
  }
  const column = <T>(pick: (entry: RequestLogEntry) => T) => rows.map(pick);
  return Prisma.sql`
    INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved, error_code)
    SELECT * FROM unnest(
      ${column((e) => e.requestId)}::text[], ${column((e) => e.clientId)}::text[],
      ${column((e) => e.apiKeyId)}::text[], ${column((e) => e.mode)}::text[]::"DataMode"[],
      ${column((e) => e.transport)}::text[], ${column((e) => e.method)}::text[],
      ${column((e) => e.path.slice(0, 500))}::text[], ${column((e) => e.statusCode)}::int[],
      ${column((e) => e.latencyMs)}::int[], ${column((e) => e.creditsMoved)}::int[],
      ${column((e) => e.errorCode)}::text[])
    ${ON_CONFLICT_COMPLETE}`;
}

/**
 * The request-log insert of a dispatch, for its one statement: it selects FROM the `debit`
 * CTE, so the row exists exactly when the debit succeeded (the job references it).
 */
export function requestLogFromDebit(entry: Omit<RequestLogEntry, "errorCode">): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved)
      SELECT ${entry.requestId}, ${entry.clientId}, ${entry.apiKeyId}, ${entry.mode}::"DataMode", ${entry.transport},
             ${entry.method}, ${entry.path.slice(0, 500)}, ${entry.statusCode}, ${entry.latencyMs}, ${entry.creditsMoved}
        FROM debit`;
}

/**
 * The request-log inserts of a batch of dispatches (recordDispatchBatch): one row per row of
 * its `input` CTE, written only when its `debit` CTE debited the batch.
 */
export function requestLogsFromBatch(clientId: string, mode: DataMode): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO request_logs (id, client_id, api_key_id, mode, transport, method, path, status_code, latency_ms, credits_moved)
      SELECT request_id, ${clientId}, api_key_id, ${mode}::"DataMode", transport,
             method, path, status_code, latency_ms, -cost
        FROM input, debit`;
}
