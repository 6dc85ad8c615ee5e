import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryView } from "~/components/history/history-view";

export const metadata: Metadata = { title: "History" };

export default function HistoryPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">History</h1>
      {/* The view reads its filters from the URL. */}
      <Suspense>
        <HistoryView />
      </Suspense>
    </>
  );
}
