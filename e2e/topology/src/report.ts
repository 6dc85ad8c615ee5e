import type { TopologyReport } from "./run";

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const listed = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([name, n]) => `${name} ${int(n)}`)
    .join(", ") || "—";

/** The invariants, each with how many cases broke it (all 0 in a good run). */
export function violations(report: TopologyReport): [string, number][] {
  return [
    ["dispatches answered other than 202/429/503 (after retries)", report.load.unexpected.length],
    [
      "replays that did not return the same job, marked replayed",
      report.load.replayMismatches.length,
    ],
    [
      "accepted dispatches without their own job, jobs never accepted",
      report.ledger.dispatchMatch.length,
    ],
    ["jobs not terminal", report.ledger.unfinished.length],
    [
      "jobs without exactly one terminal event matching the status",
      report.ledger.terminalEvents.length,
    ],
    ["accounts whose balance ≠ Σ ledger", report.ledger.balances.length],
    ["jobs without exactly one debit", report.ledger.debits.length],
    [
      "failed jobs without one full refund, succeeded jobs with a refund",
      report.ledger.refunds.length,
    ],
    ["cancels answered 200 whose job did not fail", report.ledger.cancels.length],
    ["jobs listed over HTTP unlike the database", report.http.listMismatches.length],
    ["images not served identically by both instances", report.http.artifactProblems.length],
    [
      "burst over both instances past one limit's ceiling",
      Math.max(0, report.burst.accepted - report.burst.sharedCeiling),
    ],
  ];
}

/** bench-results/topology.md: what ran, the figures, and every invariant's count. */
export function reportMarkdown(report: TopologyReport, command: string): string {
  const o = report.options;
  const l = report.load;
  const succeeded = report.ledger.byStatus.SUCCESS ?? 0;
  const failed = report.ledger.byStatus.FAILURE ?? 0;
  const lines = [
    "# Topology benchmark: two instances on one PostgreSQL, one crash",
    "",
    `Measured ${report.startedAt} by \`${command}\` (e2e/topology/src/bench.ts) on ${report.machine.cpus} cores; ` +
      `1-minute load average ${report.machine.loadBefore[0]?.toFixed(1)} before and ${report.machine.loadAfter[0]?.toFixed(1)} after ` +
      "(the machine is shared, so a load above the core count inflates every time).",
    "",
    "Two `pnpm start` servers (the front door over the production build) on one fresh PostgreSQL database, both running the " +
      `embedded runner, one \`STUDIO_SIGNING_SECRET\`, the rate limit shared in ${o.redisUrl ? "Redis" : "PostgreSQL"} ` +
      `(${o.rateLimit.requests} requests per ${o.rateLimit.windowMs / 1000} s per key). ${int(o.dispatches)} dispatches ` +
      `from ${o.clients} clients (${o.concurrency} requests in flight), built-in renderer at 0.5K, 21:9 (512×219 px), without evaluation; ` +
      `${Math.round(o.flakyShare * 100)} % of them on a test model that fails ${o.flakyPercent} % of its renders ` +
      `(\`on_technical_failure: fail\`); ${Math.round(o.replayShare * 100)} % replayed with the same Idempotency-Key on the ` +
      `other instance; ${Math.round(o.cancelShare * 100)} % cancelled. Instance A is SIGKILLed after ` +
      `${int(report.crash.afterDispatches)} dispatches and started again ${o.downMs / 1000} s later. Requests that got no answer are ` +
      "sent again with the same key to the other instance; 429s are waited out per `Retry-After`.",
    "",
    "| figure | value |",
    "|---|---|",
    `| dispatches accepted (202) | ${int(l.accepted)} in ${seconds(l.durationMs)} (${int((l.accepted / l.durationMs) * 1000)}/s) |`,
    `| first 202 latency p50 / p95 | ${int(l.acceptedP50Ms)} / ${int(l.acceptedP95Ms)} ms (429 waits included) |`,
    `| idempotent replays / retries after no answer | ${int(l.replays)} / ${int(l.unansweredRetries)} |`,
    `| 429 waited out / 503 retried | ${int(l.throttled)} / ${int(l.unavailable)} |`,
    `| cancels accepted / too late (409) | ${int(l.cancelled)} / ${int(l.cancelTooLate)} |`,
    `| requests answered by each instance | ${listed(l.answeredBy)} |`,
    `| runs leased when A was killed / A ready again after | ${int(report.crash.runsLeasedAtKill)} / ${seconds(report.crash.restartMs)} |`,
    `| first dispatch → every job terminal | ${seconds(report.settleMs)} (${int(report.jobsPerMinute)} jobs/min over both instances) |`,
    `| jobs | ${int(report.ledger.jobs)}: SUCCESS ${int(succeeded)}, FAILURE ${int(failed)} |`,
    `| failure reasons | ${listed(report.ledger.failureReasons)} |`,
    `| images fetched through both instances | ${int(report.http.artifacts)} (${int(report.http.artifactBytes / 1024 / 1024)} MiB each way) in ${seconds(report.http.artifactFetchMs)} |`,
    `| rate-limit burst: accepted of sent | ${int(report.burst.accepted)} of ${int(report.burst.sent)} in ${seconds(report.burst.durationMs)} (limit ${report.burst.limit}, shared ceiling ${report.burst.sharedCeiling}; per instance: accepted ${listed(report.burst.acceptedBy)}, refused ${listed(report.burst.refusedBy)}) |`,
    `| setup (database, clients, both instances ready) | ${seconds(report.setupMs)} |`,
    "",
    "Invariants, checked in SQL and over HTTP after every job ended (each count must be 0):",
    "",
    "| invariant | violations |",
    "|---|---|",
    ...violations(report).map(([name, n]) => `| ${name} | ${n} |`),
    "",
  ];
  if (report.errorLogLines.length > 0)
    lines.push(
      "Error lines in the instances' logs (first 20):",
      "",
      "```",
      ...report.errorLogLines,
      "```",
      "",
    );
  return lines.join("\n");
}
