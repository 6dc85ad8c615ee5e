"use client";

import { Card, Skeleton } from "~/components/ui/card";
import { trpc } from "~/lib/trpc";

export function CreditsCard() {
  const balance = trpc.credits.balance.useQuery();
  const operations = trpc.operations.list.useQuery();
  const price = operations.data?.operations.find((op) => op.name.includes("complementary"));
  return (
    <Card aria-labelledby="credits-heading">
      <h2 id="credits-heading" className="text-base font-semibold">
        Credits
      </h2>
      {balance.data ? (
        <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid="credits-balance">
          {balance.data.balance}
          <span className="ml-2 text-base font-normal text-stone-600">credits</span>
        </p>
      ) : (
        <Skeleton className="mt-2 h-9 w-32" />
      )}
      {price && (
        <p className="mt-1 text-sm text-stone-600">
          A garment costs {price.credits_cost} credits; failures are refunded automatically.
        </p>
      )}
    </Card>
  );
}
