"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "~/app/(studio)/account/actions";
import { Button } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { FieldError, Input, Label } from "~/components/ui/field";
import { viaAction } from "~/lib/action-result";
import { errorMessage, fieldErrorsOf, trpc, type Outputs } from "~/lib/trpc";

type CreatedKey = Outputs["studio"]["apiKeys"]["create"];
type KeyRow = Outputs["studio"]["apiKeys"]["list"][number];

const CAPABILITY_HINT: Record<string, string> = {
  "jobs:create": "dispatch generations (spends credits)",
  "jobs:read": "read jobs, results, catalog and balance",
};

// Server actions over the same procedures (typed here, outside the hooks, for their inference).
const createKey = viaAction(createApiKeyAction);
const revokeKey = viaAction(revokeApiKeyAction);

const overlay = "fixed inset-0 bg-stone-900/40";
const panel =
  "fixed top-1/2 left-1/2 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl";

function CreateKeyDialog() {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [mode, setMode] = useState<"live" | "test">("live");
  const [capabilities, setCapabilities] = useState<string[]>(["jobs:create", "jobs:read"]);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  // A server action (the same procedure): the secret comes back once, in its answer.
  const create = useMutation({
    mutationFn: createKey,
    onSuccess: (key) => {
      setCreated(key);
      void utils.studio.apiKeys.list.invalidate();
    },
  });
  const errors = fieldErrorsOf(create.error);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setName("");
      setCopied(false);
      create.reset();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name,
      mode,
      capabilities: capabilities as ("jobs:create" | "jobs:read")[],
    });
  }

  return (
    <Dialog.Root open={open} onOpenChange={reset}>
      <Dialog.Trigger asChild>
        <Button>Create API key</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlay} />
        <Dialog.Content className={panel}>
          {created ? (
            <>
              <Dialog.Title className="text-lg font-semibold">Your new API key</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-stone-700">
                Copy it now: it is shown this once and stored only as a hash.
              </Dialog.Description>
              <code
                data-testid="new-api-key"
                className="mt-4 block rounded bg-stone-100 p-3 text-sm break-all"
              >
                {created.api_key}
              </code>
              <p className="mt-2 text-xs text-stone-600">
                {created.mode} mode · {created.capabilities.join(", ")}
              </p>
              <div className="mt-5 flex justify-end gap-2">
                <Button
                  variant="secondary"
                  onClick={() =>
                    void navigator.clipboard?.writeText(created.api_key).then(() => setCopied(true))
                  }
                >
                  {copied ? "Copied" : "Copy"}
                </Button>
                <Dialog.Close asChild>
                  <Button>Done</Button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <Dialog.Title className="text-lg font-semibold">Create an API key</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-stone-700">
                Keys let your systems call the REST API for this client.
              </Dialog.Description>
              <div className="mt-4 space-y-4">
                <div>
                  <Label htmlFor="key-name">Name</Label>
                  <Input
                    id="key-name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    placeholder="e.g. Shopify sync"
                    aria-invalid={errors.name ? true : undefined}
                    aria-describedby={errors.name ? "key-name-error" : undefined}
                  />
                  <FieldError id="key-name-error">
                    {errors.name && "Give the key a name."}
                  </FieldError>
                </div>
                <fieldset>
                  <legend className="text-sm font-medium">Mode</legend>
                  <div className="mt-1 flex gap-4 text-sm">
                    {(["live", "test"] as const).map((m) => (
                      <label key={m} className="flex items-center gap-2">
                        <input
                          type="radio"
                          name="key-mode"
                          value={m}
                          checked={mode === m}
                          onChange={() => setMode(m)}
                          className="accent-accent"
                        />
                        {m === "live" ? "Live (real credits)" : "Test (isolated test data)"}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <fieldset>
                  <legend className="text-sm font-medium">Capabilities</legend>
                  <div className="mt-1 space-y-1 text-sm">
                    {Object.entries(CAPABILITY_HINT).map(([cap, hint]) => (
                      <label key={cap} className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          checked={capabilities.includes(cap)}
                          onChange={(e) =>
                            setCapabilities((list) =>
                              e.target.checked ? [...list, cap] : list.filter((c) => c !== cap),
                            )
                          }
                          className="accent-accent"
                        />
                        <code>{cap}</code> <span className="text-stone-600">— {hint}</span>
                      </label>
                    ))}
                  </div>
                  <FieldError id="key-capabilities-error">
                    {errors.capabilities && "Choose at least one capability."}
                  </FieldError>
                </fieldset>
                {create.error && Object.keys(errors).length === 0 && (
                  <p role="alert" className="text-sm text-red-700">
                    {errorMessage(create.error)}
                  </p>
                )}
              </div>
              <div className="mt-6 flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary">Cancel</Button>
                </Dialog.Close>
                <Button type="submit" disabled={create.isPending}>
                  {create.isPending ? "Creating…" : "Create key"}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RevokeKeyDialog({ apiKey }: { apiKey: KeyRow }) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: revokeKey,
    onSuccess: async () => {
      await utils.studio.apiKeys.list.invalidate();
      setOpen(false);
    },
  });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button
          variant="danger"
          className="px-3 py-1"
          aria-label={`Revoke ${apiKey.name || apiKey.prefix}`}
        >
          Revoke
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlay} />
        <Dialog.Content className={panel}>
          <Dialog.Title className="text-lg font-semibold">Revoke this key?</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-stone-700">
            <code>{apiKey.prefix}</code> ({apiKey.name || "unnamed"}) stops working at once. This
            cannot be undone.
          </Dialog.Description>
          {revoke.error && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {errorMessage(revoke.error)}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Keep it</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              onClick={() => revoke.mutate({ key_id: apiKey.key_id })}
              disabled={revoke.isPending}
            >
              Revoke key
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function ApiKeys() {
  const keys = trpc.studio.apiKeys.list.useQuery();
  return (
    <Card aria-labelledby="keys-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="keys-heading" className="text-base font-semibold">
          API keys
        </h2>
        <CreateKeyDialog />
      </div>
      {keys.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(keys.error)}
        </p>
      ) : !keys.data ? (
        <div className="mt-4 space-y-2">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : keys.data.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">No keys yet.</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="api-keys">
            <thead className="text-xs text-stone-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Key
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Mode
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Capabilities
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Created
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.key_id} className="border-t border-stone-200" data-key-id={key.key_id}>
                  <td className="py-2 pr-4">
                    <code>{key.prefix}</code>
                  </td>
                  <td className="py-2 pr-4">{key.name || "—"}</td>
                  <td className="py-2 pr-4">{key.mode}</td>
                  <td className="py-2 pr-4">{key.capabilities.join(", ")}</td>
                  <td className="py-2 pr-4">
                    <time dateTime={key.created_at}>
                      {new Date(key.created_at).toLocaleDateString()}
                    </time>
                  </td>
                  <td className="py-2 text-right">
                    {key.revoked_at ? (
                      <span className="text-xs text-stone-600" data-testid="revoked">
                        Revoked {new Date(key.revoked_at).toLocaleDateString()}
                      </span>
                    ) : (
                      <RevokeKeyDialog apiKey={key} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
