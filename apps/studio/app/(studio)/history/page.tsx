import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryView } from "~/components/history/history-view";
import { historyInput, offsetParam } from "~/lib/first-page";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "History" };

type Param = string | string[] | undefined;
const one = (value: Param) => (typeof value === "string" ? value : "");

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, Param>>;
}) {
  const params = await searchParams;
  // Date filters are days in the stylist's time zone, which only the browser knows: with one
  // set, the view asks for its list itself.
  const datesFiltered = one(params.from) !== "" || one(params.to) !== "";
  await Promise.all([
    serverTrpc.reference.garmentCategories.prefetch(),
    datesFiltered
      ? Promise.resolve()
      : serverTrpc.studio.history.prefetch(
          historyInput({
            status: one(params.status),
            category: one(params.category),
            offset: offsetParam(one(params.offset)),
            createdAfter: "",
            createdBefore: "",
          }),
        ),
  ]);
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold">History</h1>
      {/* The view reads its filters from the URL. */}
      <Suspense>
        <HistoryView />
      </Suspense>
    </HydrateClient>
  );
}
