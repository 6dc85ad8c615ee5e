import type { Metadata } from "next";
import { ApiKeys } from "~/components/account/api-keys";
import { CreditActivityChart } from "~/components/account/credit-activity-chart";
import { CreditsCard } from "~/components/account/credits-card";
import { Ledger } from "~/components/account/ledger";
import { Webhooks } from "~/components/account/webhooks";
import { FIRST_ACTIVITY_RANGE, LEDGER_PAGE_SIZE } from "~/lib/first-page";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "Credits & keys" };

export default async function AccountPage() {
  // First data through the procedures the cards query (same inputs): the HTML carries it.
  await Promise.all([
    serverTrpc.operations.list.prefetch(),
    serverTrpc.studio.creditActivity.prefetch({ range: FIRST_ACTIVITY_RANGE }),
    serverTrpc.studio.ledger.prefetch({ limit: LEDGER_PAGE_SIZE, offset: 0 }),
    serverTrpc.studio.apiKeys.list.prefetch(),
    serverTrpc.webhooks.list.prefetch(),
  ]);
  return (
    <HydrateClient>
      <h1 className="mb-6 text-2xl font-semibold">Credits, usage &amp; API keys</h1>
      <div className="space-y-6">
        <CreditsCard />
        <CreditActivityChart />
        <Ledger />
        <ApiKeys />
        <Webhooks />
      </div>
    </HydrateClient>
  );
}
