import { Card, Skeleton } from "~/components/ui/card";
import type { ResolvedGarmentView } from "./timeline";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** A swatch card: the color as a block, then the garment's spec as the engine understood it. */
export function GarmentCard({
  heading,
  garment,
  fallback,
  fallbackHex,
}: {
  heading: string;
  garment: ResolvedGarmentView | null;
  fallback: Record<string, unknown> | null;
  fallbackHex: string | null;
}) {
  if (!garment && !fallback) {
    return (
      <Card>
        <h2 className="text-base font-semibold">{heading}</h2>
        <Skeleton className="mt-3 h-16 w-full" />
        <Skeleton className="mt-2 h-4 w-2/3" />
      </Card>
    );
  }
  const rows: [string, string | null][] = garment
    ? [
        ["Category", garment.categoryName],
        ["Color", `${garment.colorName} (${garment.colorHex})`],
        ["Material", garment.material],
        ["Pattern", garment.pattern],
        ["Fit", garment.fit],
        ["Length", garment.length],
      ]
    : [
        ["Color", text(fallback?.color)],
        ["Material", text(fallback?.material)],
        ["Pattern", text(fallback?.pattern)],
        ["Fit", text(fallback?.fit)],
        ["Length", text(fallback?.length)],
      ];
  return (
    <Card>
      <h2 className="text-base font-semibold">{heading}</h2>
      <div
        className="mt-3 flex h-16 overflow-hidden rounded-md border border-stone-200"
        aria-hidden="true"
      >
        <div
          className="flex-[3]"
          style={{ background: garment?.colorHex ?? fallbackHex ?? "#e7e5e4" }}
        />
        {garment?.accentColorHex && (
          <div className="flex-1" style={{ background: garment.accentColorHex }} />
        )}
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows
          .filter((row): row is [string, string] => row[1] !== null && row[1] !== "")
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-600">{label}</dt>
              <dd className={label === "Color" ? undefined : "capitalize"}>
                {value.replaceAll("_", " ")}
              </dd>
            </div>
          ))}
      </dl>
    </Card>
  );
}
