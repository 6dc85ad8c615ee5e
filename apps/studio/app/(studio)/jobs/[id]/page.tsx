import type { Metadata } from "next";
import { JobView } from "~/components/job/job-view";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ charged?: string }>;
}) {
  const [{ id }, { charged }] = await Promise.all([params, searchParams]);
  const amount = Number(charged);
  // The job and the balance as they are now (after the dispatch that led here, which the
  // balance cached in the browser may not show yet: newer hydrated data replaces it).
  await Promise.all([
    serverTrpc.jobs.get.prefetch({ public_id: id }),
    serverTrpc.jobs.events.prefetch({ public_id: id }),
    serverTrpc.credits.balance.prefetch(),
  ]);
  return (
    <HydrateClient>
      <JobView jobId={id} charged={charged && Number.isInteger(amount) ? amount : null} />
    </HydrateClient>
  );
}
