import type { CreditActivityQuery } from "@garment/schemas";

export type Bucket = "hour" | "day";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN: Record<CreditActivityQuery["range"], { bucket: Bucket; count: number }> = {
  "24h": { bucket: "hour", count: 24 },
  "7d": { bucket: "day", count: 7 },
  "30d": { bucket: "day", count: 30 },
  "90d": { bucket: "day", count: 90 },
};

/** The bucket starts (UTC) of a range ending now, oldest first; the last holds `now`. */
export function bucketStarts(
  range: CreditActivityQuery["range"],
  now: Date,
): { bucket: Bucket; starts: Date[]; since: Date } {
  const { bucket, count } = SPAN[range];
  const size = bucket === "hour" ? HOUR : DAY;
  const last = Math.floor(now.getTime() / size) * size;
  const starts = Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * size));
  return { bucket, starts, since: new Date(last - (count - 1) * size) };
}

/** Every bucket of the range, with zeros where nothing moved (a chart needs the gaps). */
export function fillBuckets(
  starts: readonly Date[],
  rows: readonly { start: Date; spent: number; refunded: number }[],
) {
  const byStart = new Map(rows.map((row) => [row.start.getTime(), row]));
  return starts.map((start) => {
    const row = byStart.get(start.getTime());
    return { start: start.toISOString(), spent: row?.spent ?? 0, refunded: row?.refunded ?? 0 };
  });
}
