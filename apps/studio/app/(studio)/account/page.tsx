import type { Metadata } from "next";
import { ApiKeys } from "~/components/account/api-keys";
import { CreditsCard } from "~/components/account/credits-card";

export const metadata: Metadata = { title: "Credits & keys" };

export default function AccountPage() {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Credits &amp; API keys</h1>
      <div className="space-y-6">
        <CreditsCard />
        <ApiKeys />
      </div>
    </>
  );
}
