"use client";

import type { ReactElement } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One 15-minute bucket as the server component hands it over (dates as ISO strings). */
export interface ChartBucket {
  start: string;
  queued: number;
  dispatchedPerMinute: number;
  finishedPerMinute: number;
  finished: number;
  failedByReason: Record<string, number>;
}

const ACCENT = "#8a3b12";
const SECOND = "#047857";
const REASON_COLORS = ["#b91c1c", "#c2410c", "#a16207", "#6d28d9", "#0e7490", "#57534e"];
const TICK = { fontSize: 12, fill: "#57534e" };

const tick = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
const label = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? new Date(value).toLocaleString() : "";

/**
 * The last 24 h, from the overview's one timeline query: queue depth, jobs per minute, and the
 * failure (= refund) rate per reason, as a share of the jobs that finished in each bucket.
 */
export function OperatorCharts({ buckets }: { buckets: ChartBucket[] }) {
  const reasons = [...new Set(buckets.flatMap((b) => Object.keys(b.failedByReason)))].sort();
  const rates = buckets.map((b) => ({
    start: b.start,
    ...Object.fromEntries(
      reasons.map((reason) => [
        reason,
        b.finished === 0 ? 0 : (100 * (b.failedByReason[reason] ?? 0)) / b.finished,
      ]),
    ),
  }));
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <Chart title="Queue depth" testId="chart-queue">
        <LineChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="start" tickFormatter={tick} tick={TICK} minTickGap={24} />
          <YAxis allowDecimals={false} tick={TICK} />
          <Tooltip labelFormatter={label} />
          <Line dataKey="queued" name="Queued" stroke={ACCENT} dot={false} type="stepAfter" />
        </LineChart>
      </Chart>
      <Chart title="Jobs per minute" testId="chart-throughput">
        <LineChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="start" tickFormatter={tick} tick={TICK} minTickGap={24} />
          <YAxis tick={TICK} />
          <Tooltip
            labelFormatter={label}
            formatter={(value, name) => [`${Number(value).toFixed(2)} /min`, name]}
          />
          <Legend />
          <Line dataKey="dispatchedPerMinute" name="Accepted" stroke={ACCENT} dot={false} />
          <Line dataKey="finishedPerMinute" name="Finished" stroke={SECOND} dot={false} />
        </LineChart>
      </Chart>
      <Chart
        title="Failures and refunds by reason"
        testId="chart-failures"
        {...(reasons.length === 0 ? { empty: "No job failed in the last 24 hours." } : {})}
      >
        <BarChart data={rates} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="start" tickFormatter={tick} tick={TICK} minTickGap={24} />
          <YAxis unit="%" tick={TICK} />
          <Tooltip
            labelFormatter={label}
            formatter={(value, name) => [`${Number(value).toFixed(1)} % of finished`, name]}
          />
          <Legend />
          {reasons.map((reason, n) => (
            <Bar
              key={reason}
              dataKey={reason}
              name={reason}
              stackId="failures"
              fill={REASON_COLORS[n % REASON_COLORS.length]}
            />
          ))}
        </BarChart>
      </Chart>
    </div>
  );
}

function Chart({
  title,
  testId,
  empty,
  children,
}: {
  title: string;
  testId: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string;
  children: ReactElement;
}) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}, last 24 h</figcaption>
      <div className="h-56" data-testid={testId}>
        {empty ? (
          <p className="text-sm text-stone-600">{empty}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
