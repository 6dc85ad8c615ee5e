import type { Metadata } from "next";
import { SpecForm } from "~/components/spec-form/spec-form";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "New garment" };

export default async function GeneratePage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string }>;
}) {
  const { from } = await searchParams;
  // The form's options come with the HTML (a form posted without JavaScript needs its
  // categories on the page), through the procedures the form queries.
  await Promise.all([
    serverTrpc.reference.garmentCategories.prefetch(),
    serverTrpc.reference.specVocabulary.prefetch(),
    serverTrpc.reference.imageModels.prefetch(),
    serverTrpc.studio.formOptions.prefetch(),
    serverTrpc.operations.list.prefetch(),
    from ? serverTrpc.jobs.get.prefetch({ public_id: from }) : Promise.resolve(),
  ]);
  return (
    <HydrateClient>
      <h1 className="text-2xl font-semibold">
        {from ? "Edit and rerun" : "Design the complementary garment"}
      </h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Describe the garment you have; the Studio plans the piece that completes the look and
        renders it.
      </p>
      <SpecForm fromJobId={from} key={from ?? "new"} />
    </HydrateClient>
  );
}
