import type { Metadata } from "next";
import { SpecForm } from "~/components/spec-form/spec-form";

export const metadata: Metadata = { title: "New garment" };

export default async function GeneratePage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string }>;
}) {
  const { from } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold">
        {from ? "Edit and rerun" : "Design the complementary garment"}
      </h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Describe the garment you have; the Studio plans the piece that completes the look and
        renders it.
      </p>
      <SpecForm fromJobId={from} key={from ?? "new"} />
    </>
  );
}
