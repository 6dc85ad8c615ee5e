import type { Metadata } from "next";
import Link from "next/link";
import { BatchList } from "~/components/batches/batch-list";
import { buttonClass } from "~/components/ui/button";
import { batchesInput } from "~/lib/first-page";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { cursor } = await searchParams;
  const page = typeof cursor === "string" ? cursor : "";
  await serverTrpc.batches.list.prefetch(batchesInput(page));
  return (
    <HydrateClient>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Batches</h1>
          <p className="mt-1 text-sm text-stone-600">
            Every product feed dispatched for your client, newest first.
          </p>
        </div>
        <Link href="/batches/new" className={buttonClass("primary")}>
          New batch
        </Link>
      </div>
      <BatchList cursor={page} />
    </HydrateClient>
  );
}
