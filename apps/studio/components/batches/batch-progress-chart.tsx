"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { JOB_STATUSES } from "~/lib/schemas";
import type { ProgressSample } from "./progress-samples";

// The status badges' hues, strong enough to tell apart on white.
const COLOR = {
  SUCCESS: "#047857",
  FAILURE: "#b91c1c",
  IN_PROGRESS: "#b45309",
  NOT_STARTED: "#a8a29e",
} as const;
const ORDER = ["SUCCESS", "FAILURE", "IN_PROGRESS", "NOT_STARTED"] as const;

const time = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { minute: "2-digit", second: "2-digit" });

/** The batch's statuses over time (stacked), from the polls since the page opened. */
export function BatchProgressChart({ samples }: { samples: readonly ProgressSample[] }) {
  return (
    <div className="h-56" data-testid="batch-progress-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={[...samples]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis
            dataKey="at"
            type="number"
            domain={["dataMin", "dataMax"]}
            scale="time"
            tickFormatter={time}
            tick={{ fontSize: 12, fill: "#57534e" }}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#57534e" }} />
          <Tooltip labelFormatter={(label) => (typeof label === "number" ? time(label) : label)} />
          <Legend />
          {ORDER.map((status) => (
            <Area
              key={status}
              type="stepAfter"
              dataKey={status}
              name={JOB_STATUSES[status]}
              stackId="jobs"
              stroke={COLOR[status]}
              fill={COLOR[status]}
              fillOpacity={0.6}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
