"use client";

import { CREDIT_ACTIVITY_RANGES } from "@garment/schemas";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Card, Skeleton } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/field";
import { FIRST_ACTIVITY_RANGE } from "~/lib/first-page";
import { errorMessage, trpc } from "~/lib/trpc";

type Range = (typeof CREDIT_ACTIVITY_RANGES)[number];
const RANGE_LABEL: Record<Range, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};
const SPENT = "#8a3b12"; // the accent
const REFUNDED = "#047857";

function tickOf(bucket: "hour" | "day") {
  return (iso: string) => {
    const date = new Date(iso);
    return bucket === "hour"
      ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
      : date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  };
}

/** Spend and refunds over time, from the ledger (summed on the server, in the current mode). */
export function CreditActivityChart() {
  const [range, setRange] = useState<Range>(FIRST_ACTIVITY_RANGE);
  const activity = trpc.studio.creditActivity.useQuery(
    { range },
    { placeholderData: keepPreviousData },
  );
  const data = activity.data;
  return (
    <Card aria-labelledby="activity-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="activity-heading" className="text-base font-semibold">
          Spend and refunds
        </h2>
        <div className="flex items-center gap-2 [&_select]:w-44">
          <Label htmlFor="activity-range">Period</Label>
          <Select
            id="activity-range"
            value={range}
            onChange={(e) => setRange(e.target.value as Range)}
            className="mt-0 w-44"
          >
            {CREDIT_ACTIVITY_RANGES.map((value) => (
              <option key={value} value={value}>
                {RANGE_LABEL[value]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {activity.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(activity.error)}
        </p>
      ) : !data ? (
        <Skeleton className="mt-4 h-60 w-full" />
      ) : (
        <figure className="mt-4">
          <figcaption className="mb-2 text-sm text-stone-700" data-testid="activity-summary">
            {RANGE_LABEL[range]}: <strong>{data.spent}</strong> credits spent,{" "}
            <strong>{data.refunded}</strong> refunded (net {data.spent - data.refunded}).
          </figcaption>
          <div className="h-60" data-testid="activity-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
                <XAxis
                  dataKey="start"
                  tickFormatter={tickOf(data.bucket)}
                  tick={{ fontSize: 12, fill: "#57534e" }}
                  minTickGap={16}
                />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#57534e" }} />
                <Tooltip
                  labelFormatter={(label) =>
                    typeof label === "string" || typeof label === "number"
                      ? new Date(label).toLocaleString()
                      : label
                  }
                  formatter={(value, name) => [`${String(value)} credits`, name]}
                />
                <Legend />
                <Bar dataKey="spent" name="Spent" fill={SPENT} radius={[3, 3, 0, 0]} />
                <Bar dataKey="refunded" name="Refunded" fill={REFUNDED} radius={[3, 3, 0, 0]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
    </Card>
  );
}
