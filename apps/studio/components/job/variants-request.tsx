"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Label, Select } from "~/components/ui/field";
import { errorMessage, trpc } from "~/lib/trpc";

const MAX_VARIANTS = 8;

/** Asks for N variants of a finished job (new seeds of its spec), showing what they cost. */
export function VariantsRequest({ jobId }: { jobId: string }) {
  const [count, setCount] = useState(2);
  const utils = trpc.useUtils();
  const operations = trpc.operations.list.useQuery();
  const price = operations.data?.operations.find((op) => op.name.includes("complementary"));
  const create = trpc.jobs.variants.create.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.jobs.variants.list.invalidate(),
        utils.credits.balance.invalidate(),
      ]);
    },
  });
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ public_id: jobId, count });
      }}
    >
      <div>
        <Label htmlFor="variant-count">Number of variants</Label>
        <Select
          id="variant-count"
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
          className="w-24"
        >
          {Array.from({ length: MAX_VARIANTS }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={create.isPending} data-testid="ask-variants">
        {create.isPending ? "Sending…" : `Ask for ${count} variant${count === 1 ? "" : "s"}`}
      </Button>
      {price && (
        <p className="text-sm text-stone-700" data-testid="variants-price">
          {count} × {price.credits_cost} = {count * price.credits_cost} credits; a variant that
          fails is refunded.
        </p>
      )}
      {create.error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {errorMessage(create.error)}
        </p>
      )}
    </form>
  );
}
