import type { Metadata } from "next";
import { BatchView } from "~/components/batches/batch-view";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ replayed?: string }>;
}) {
  const [{ id }, { replayed }] = await Promise.all([params, searchParams]);
  return <BatchView batchId={id} replayed={replayed === "1"} />;
}
