import type { Metadata } from "next";
import { JobView } from "~/components/job/job-view";

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
  return <JobView jobId={id} charged={charged && Number.isInteger(amount) ? amount : null} />;
}
