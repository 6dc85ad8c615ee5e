"use client";

import { trpc } from "~/lib/trpc";

export function BalanceBadge() {
  const balance = trpc.credits.balance.useQuery();
  return (
    <span
      className="inline-flex min-w-24 justify-center rounded-full bg-stone-100 px-3 py-1 text-stone-800 tabular-nums"
      aria-live="polite"
      data-testid="balance"
    >
      {balance.data ? `${balance.data.balance} credits` : "… credits"}
    </span>
  );
}
