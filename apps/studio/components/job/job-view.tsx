"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { cancelJobAction, rerunJobAction } from "~/app/(studio)/jobs/actions";
import { randomSeed } from "~/components/spec-form/spec-values";
import { StatusBadge } from "~/components/status-badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, Skeleton } from "~/components/ui/card";
import { viaAction } from "~/lib/action-result";
import { cn } from "~/lib/cn";
import { loadSchemas } from "~/lib/schemas";
import { errorMessage, trpc } from "~/lib/trpc";
import { GarmentCard } from "./garment-card";
import { attemptsOf, planOf, STEPS, stepStates, type StepState } from "./timeline";
import { VariantsCompare } from "./variants-compare";

const POLL_MS = 1000;

const STEP_STYLE: Record<StepState, string> = {
  done: "border-emerald-600 bg-emerald-600 text-white",
  current: "border-accent bg-white text-accent animate-pulse",
  pending: "border-stone-300 bg-white text-stone-400",
  failed: "border-red-600 bg-red-600 text-white",
  skipped: "border-dashed border-stone-300 bg-white text-stone-400",
};

const STEP_WORD: Record<StepState, string> = {
  done: "done",
  current: "in progress",
  pending: "waiting",
  failed: "failed",
  skipped: "skipped",
};

function aspectOf(ratio: unknown): string {
  return typeof ratio === "string" && /^\d+:\d+$/.test(ratio) ? ratio.replace(":", " / ") : "1 / 1";
}

// The page's mutations: server actions over the same procedures (jobs/actions.ts).
const rerunJob = viaAction(rerunJobAction);
const cancelJob = viaAction(cancelJobAction);

/** A job, live: the timeline polls the events through tRPC until the job ends. */
export function JobView({ jobId, charged }: { jobId: string; charged: number | null }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const events = trpc.jobs.events.useQuery(
    { public_id: jobId },
    {
      refetchInterval: (query) =>
        query.state.data?.events.some(
          (e) => e.event_type === "succeeded" || e.event_type === "failed",
        )
          ? false
          : POLL_MS,
      staleTime: 0,
    },
  );
  const list = events.data?.events ?? [];
  const terminal = list.some((e) => e.event_type === "succeeded" || e.event_type === "failed");
  const job = trpc.jobs.get.useQuery(
    { public_id: jobId },
    { refetchInterval: terminal ? false : POLL_MS * 3, staleTime: 0 },
  );
  const balance = trpc.credits.balance.useQuery();
  const productColor = typeof job.data?.request?.color === "string" ? job.data.request.color : "";
  const productSwatch = trpc.studio.recognizeColor.useQuery(
    { text: productColor },
    { enabled: productColor !== "", staleTime: Infinity },
  );

  // When the job ends, refresh what its end changed (result URLs, balance after a refund).
  useEffect(() => {
    if (terminal) {
      void utils.jobs.get.invalidate({ public_id: jobId });
      void utils.credits.balance.invalidate();
    }
  }, [terminal, jobId, utils]);

  const rerun = useMutation({
    mutationFn: rerunJob,
    onSuccess: async (accepted) => {
      await utils.credits.balance.invalidate();
      router.push(`/jobs/${accepted.job_id}?charged=${accepted.credits_cost}`);
    },
  });
  const cancel = useMutation({
    mutationFn: cancelJob,
    onSuccess: () => {
      void utils.jobs.events.invalidate({ public_id: jobId });
      void utils.credits.balance.invalidate();
    },
  });

  if (events.error || job.error) {
    return (
      <Card role="alert">
        <h1 className="text-lg font-semibold">This job could not be loaded</h1>
        <p className="mt-1 text-sm text-stone-700">{errorMessage(events.error ?? job.error)}</p>
        <Link href="/history" className={buttonClass("secondary", "mt-4")}>
          Back to history
        </Link>
      </Card>
    );
  }

  const request = job.data?.request ?? null;
  const evalEnabled = request?.eval_enabled !== false;
  const states = stepStates(list, evalEnabled);
  const attempts = attemptsOf(list);
  const final = job.data?.result.find((a) => a.role === "final") ?? null;
  const plan = planOf(list, final?.meta);
  const failed = list.find((e) => e.event_type === "failed");
  const succeeded = list.find((e) => e.event_type === "succeeded");
  const refunded =
    typeof failed?.extra.refunded_credits === "number" ? failed.extra.refunded_credits : null;
  const status = job.data?.status ?? (succeeded ? "SUCCESS" : failed ? "FAILURE" : "NOT_STARTED");
  const aspect = aspectOf(request?.aspect_ratio);
  const title = plan?.displayName || "Complementary garment";

  async function sameSpecNewSeed() {
    if (!request) return;
    const { ComplementaryGarmentGeneratorRequest } = await loadSchemas();
    const parsed = ComplementaryGarmentGeneratorRequest.safeParse({
      ...request,
      seed: randomSeed(),
    });
    if (parsed.success) rerun.mutate(parsed.data);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <StatusBadge status={status} />
        <span className="text-xs text-stone-500">Job {jobId}</span>
      </div>
      {charged !== null && balance.data && !failed && (
        <p className="text-sm text-stone-700" data-testid="charged">
          Charged {charged} credits · balance now {balance.data.balance}.
        </p>
      )}

      <Card aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="sr-only">
          Progress
        </h2>
        <ol className="flex flex-wrap items-center gap-2 sm:gap-0" data-testid="timeline">
          {STEPS.map((step, index) => (
            <li
              key={step.key}
              className="flex items-center"
              data-step={step.key}
              data-state={states[step.key]}
            >
              <span
                className={cn(
                  "flex size-7 items-center justify-center rounded-full border-2 text-xs font-semibold",
                  STEP_STYLE[states[step.key]],
                )}
                aria-hidden="true"
              >
                {states[step.key] === "done"
                  ? "✓"
                  : states[step.key] === "failed"
                    ? "!"
                    : index + 1}
              </span>
              <span className="ml-2 text-sm">
                {step.label}
                <span className="sr-only">: {STEP_WORD[states[step.key]]}</span>
              </span>
              {index < STEPS.length - 1 && (
                <span aria-hidden="true" className="mx-3 hidden h-px w-10 bg-stone-300 sm:block" />
              )}
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-stone-700" aria-live="polite" data-testid="latest-message">
          {list.at(-1)?.message ?? "Waiting for the first update…"}
        </p>
      </Card>

      {failed && (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-5"
          data-testid="failure"
        >
          <h2 className="font-semibold text-red-900">The job failed</h2>
          <p className="mt-1 text-sm text-red-900">{failed.message}</p>
          <p className="mt-2 text-sm font-medium text-red-900" data-testid="refund">
            {refunded
              ? `${refunded} credits were refunded to your balance.`
              : "Nothing was charged for this job."}
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href={`/generate?from=${jobId}`} className={buttonClass("secondary")}>
              Edit and rerun
            </Link>
          </div>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="p-3">
          <div
            className="relative w-full overflow-hidden rounded-md bg-stone-100"
            style={{ aspectRatio: aspect }}
            data-testid="result-frame"
          >
            {final ? (
              <img
                src={final.image_url}
                alt={`Render of ${title}`}
                className="absolute inset-0 size-full object-contain"
                data-testid="result-image"
              />
            ) : failed ? (
              <div className="absolute inset-0 flex flex-col items-center justify-center gap-1 text-sm text-stone-600">
                <span className="font-medium">No image</span>
                <span>The render did not complete; nothing was charged for it.</span>
              </div>
            ) : (
              <Skeleton className="absolute inset-0 rounded-none" />
            )}
          </div>
          {final && (
            <div className="mt-3 flex flex-wrap gap-2">
              <a
                href={final.image_url}
                download={`${title}.png`}
                className={buttonClass("secondary")}
              >
                Download
              </a>
              <Button onClick={() => void sameSpecNewSeed()} disabled={rerun.isPending}>
                {rerun.isPending ? "Sending…" : "Same spec, new seed"}
              </Button>
              <Link href={`/generate?from=${jobId}`} className={buttonClass("secondary")}>
                Edit and rerun
              </Link>
            </div>
          )}
          {rerun.error && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {errorMessage(rerun.error)}
            </p>
          )}
          {!terminal && (
            <Button
              variant="ghost"
              className="mt-3"
              onClick={() => cancel.mutate({ public_id: jobId })}
              disabled={cancel.isPending}
            >
              Cancel job (refunds the credits)
            </Button>
          )}
        </Card>

        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
            <GarmentCard
              heading="Your garment"
              garment={plan?.product ?? null}
              fallback={request}
              fallbackHex={productSwatch.data?.hex ?? null}
            />
            <GarmentCard
              heading="The complement"
              garment={plan?.complement ?? null}
              fallback={null}
              fallbackHex={null}
            />
          </div>
          <Card>
            <h2 className="text-base font-semibold">Why this garment</h2>
            {plan ? (
              <>
                {plan.harmony && (
                  <p className="mt-1 text-sm text-stone-600">
                    Harmony: {plan.harmony}
                    {plan.score !== null && ` · styling score ${plan.score.toFixed(2)}`}
                  </p>
                )}
                <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" data-testid="rationale">
                  {plan.rationale.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            ) : (
              <div className="mt-3 space-y-2">
                <Skeleton className="h-4 w-full" />
                <Skeleton className="h-4 w-5/6" />
                <Skeleton className="h-4 w-2/3" />
              </div>
            )}
          </Card>
        </div>
      </div>

      {status === "SUCCESS" && <VariantsCompare jobId={jobId} aspect={aspect} />}

      <Card>
        <h2 className="text-base font-semibold">Render attempts</h2>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">No render yet.</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="attempts">
            {attempts.map((a) => (
              <li key={a.attempt} className="rounded-md border border-stone-200 p-3">
                <div
                  className="relative w-full overflow-hidden rounded bg-stone-100"
                  style={{ aspectRatio: aspect }}
                >
                  {a.imageUrl && (
                    <img
                      src={a.imageUrl}
                      alt={`Attempt ${a.attempt + 1}`}
                      className="absolute inset-0 size-full object-contain"
                      loading="lazy"
                    />
                  )}
                </div>
                <p className="mt-2 text-sm font-medium">
                  Attempt {a.attempt + 1}
                  {a.evaluation && (
                    <span className={a.evaluation.passed ? "text-emerald-700" : "text-red-700"}>
                      {" "}
                      · eval {a.evaluation.passed ? "passed" : "failed"} (
                      {a.evaluation.score.toFixed(2)})
                    </span>
                  )}
                </p>
                <p className="text-xs text-stone-600">
                  {a.model} · seed {a.seed ?? "?"}
                  {a.renderMs !== null && ` · ${a.renderMs} ms`}
                </p>
                {a.evaluation && a.evaluation.checks.length > 0 && (
                  <ul className="mt-2 space-y-0.5 text-xs">
                    {a.evaluation.checks.map((c) => (
                      <li key={c.name} className="flex justify-between gap-2">
                        <span>
                          <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span>{" "}
                          {c.name.replaceAll("_", " ")}
                          <span className="sr-only">{c.passed ? " passed" : " failed"}</span>
                        </span>
                        <span className="tabular-nums">{c.score.toFixed(2)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
