import type { Metadata } from "next";
import { ApiKeys } from "~/components/account/api-keys";
import { CreditActivityChart } from "~/components/account/credit-activity-chart";
import { CreditsCard } from "~/components/account/credits-card";
import { Ledger } from "~/components/account/ledger";
import { Webhooks } from "~/components/account/webhooks";

export const metadata: Metadata = { title: "Credits & keys" };

export default function AccountPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Credits, usage &amp; API keys</h1>
      <div className="space-y-6">
        <CreditsCard />
        <CreditActivityChart />
        <Ledger />
        <ApiKeys />
        <Webhooks />
      </div>
    </>
  );
}
