"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { setOperationEnabledAction } from "~/app/(studio)/operator/actions";
import { viaAction } from "~/lib/action-result";
import { errorMessage } from "~/lib/trpc";

export interface OperationRow {
  name: string;
  creditsCost: number;
  enabled: boolean;
}

const setOperationEnabled = viaAction(setOperationEnabledAction);

/**
 * One switch per operation: a disabled operation refuses every dispatch with 403 until it is
 * enabled again. The page re-renders from the server after each change, so what it shows is
 * what the database holds.
 */
export function OperationSwitches({ operations }: { operations: OperationRow[] }) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: setOperationEnabled,
    onMutate: ({ name }) => setPending(name),
    onSettled: () => setPending(null),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white px-4 py-2">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-xs text-stone-600">
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Operation
            </th>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Credits
            </th>
            <th scope="col" className="py-1.5 pr-4 font-medium">
              Dispatch
            </th>
            <th scope="col" className="py-1.5 font-medium">
              <span className="sr-only">Switch</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {operations.map((operation) => (
            <tr key={operation.name} className="border-t border-stone-100">
              <td className="py-1.5 pr-4 font-mono text-xs">{operation.name}</td>
              <td className="py-1.5 pr-4 tabular-nums">{operation.creditsCost}</td>
              <td className="py-1.5 pr-4">
                {operation.enabled ? (
                  <span className="text-emerald-800">accepted</span>
                ) : (
                  <span className="text-red-800">disabled (403)</span>
                )}
              </td>
              <td className="py-1.5 text-right">
                <Button
                  variant={operation.enabled ? "danger" : "secondary"}
                  className="px-3 py-1"
                  role="switch"
                  aria-checked={operation.enabled}
                  aria-label={`${operation.name} enabled`}
                  disabled={pending !== null}
                  onClick={() =>
                    toggle.mutate({ name: operation.name, enabled: !operation.enabled })
                  }
                >
                  {pending === operation.name ? "…" : operation.enabled ? "Disable" : "Enable"}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {toggle.error ? (
        <p role="alert" className="py-2 text-sm text-red-800">
          {errorMessage(toggle.error)}
        </p>
      ) : null}
    </div>
  );
}
