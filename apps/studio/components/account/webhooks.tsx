"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createWebhookAction, deleteWebhookAction } from "~/app/(studio)/account/actions";
import { Button } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { FieldError, Input, Label } from "~/components/ui/field";
import { viaAction } from "~/lib/action-result";
import { errorMessage, fieldErrorsOf, trpc, type Outputs } from "~/lib/trpc";

const createEndpoint = viaAction(createWebhookAction);
const deleteEndpoint = viaAction(deleteWebhookAction);

type Created = Outputs["webhooks"]["create"];

/** Webhook endpoints: job.succeeded / job.failed are POSTed there, signed (Standard Webhooks). */
export function Webhooks() {
  const utils = trpc.useUtils();
  const endpoints = trpc.webhooks.list.useQuery();
  const [url, setUrl] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  // Server actions over the same procedures (the secret is shown once, from the answer).
  const create = useMutation({
    mutationFn: createEndpoint,
    onSuccess: (endpoint) => {
      setCreated(endpoint);
      setUrl("");
      void utils.webhooks.list.invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: deleteEndpoint,
    onSuccess: () => void utils.webhooks.list.invalidate(),
  });
  const urlError = fieldErrorsOf(create.error).url;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate({ url: url.trim() });
  }

  return (
    <Card aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" className="text-base font-semibold">
        Webhook endpoints
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        When a job succeeds or fails, its detail is POSTed to each endpoint, signed with the
        endpoint&apos;s secret.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <Label htmlFor="webhook-url">Endpoint URL</Label>
          <Input
            id="webhook-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://example.com/hooks/garment-studio"
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? "webhook-url-error" : undefined}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={create.isPending || !url.trim()}>
          Add endpoint
        </Button>
      </form>
      <FieldError id="webhook-url-error">{urlError}</FieldError>
      {create.error && !urlError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(create.error)}
        </p>
      )}
      {created && (
        <div
          role="status"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          Signing secret for {created.url} (shown once):{" "}
          <code className="break-all">{created.secret}</code>
        </div>
      )}
      {!endpoints.data ? (
        <Skeleton className="mt-4 h-8 w-full" />
      ) : endpoints.data.endpoints.length === 0 ? (
        <p className="mt-4 text-sm text-stone-600">No endpoints yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-200 text-sm">
          {endpoints.data.endpoints.map((endpoint) => (
            <li key={endpoint.public_id} className="flex items-center justify-between gap-3 py-2">
              <span className="truncate">{endpoint.url}</span>
              <Button
                variant="danger"
                className="px-3 py-1"
                onClick={() => remove.mutate({ public_id: endpoint.public_id })}
                disabled={remove.isPending}
                aria-label={`Remove ${endpoint.url}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
