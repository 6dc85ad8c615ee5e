import type { Metadata } from "next";
import { BatchUpload } from "~/components/batches/batch-upload";

export const metadata: Metadata = { title: "Batch from a product feed" };

export default function NewBatchPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">A complement for every product</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Upload a season&apos;s product list: each row becomes one generation. Rows are checked here,
        before anything is charged.
      </p>
      <BatchUpload />
    </>
  );
}
