import type { OperatorOverview } from "@garment/server";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { OperationSwitches } from "~/components/operator/operation-switches";
import { OperatorCharts } from "~/components/operator/operator-charts";
import { currentStylist } from "~/lib/session";
import { serverTrpc } from "~/lib/trpc-server";

export const metadata: Metadata = { title: "Operator" };
export const dynamic = "force-dynamic";

/**
 * The operator's view of every client: queue, runs, outbox backlog, failures and refunds,
 * balances, and a switch per operation.
 * Rendered on the server through its procedure (studio.operator.overview, whose audience is
 * the operator role); a user without the role gets a 404 (the page does not admit it exists).
 */
export default async function OperatorPage() {
  const user = await currentStylist();
  if (!user) redirect("/sign-in?next=/operator");
  if (!user.isOperator) notFound();
  const view = await serverTrpc.studio.operator.overview();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Operator</h1>
      <p className="mb-6 text-sm text-stone-600">
        Every client, live and test, as of {view.at.replace("T", " ").slice(0, 19)} UTC. Reload for
        the latest; <code>/metrics</code> has the same figures over time.
      </p>
      <QueueFigures view={view} />
      <div className="mt-8">
        <OperatorCharts buckets={view.timeline.map(({ failed: _failed, ...rest }) => rest)} />
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title="Runs per client">
          {view.clients.length === 0 ? (
            <Empty>Nothing is queued or running.</Empty>
          ) : (
            <Table head={["Client", "Running", "Queued"]}>
              {view.clients.map((client) => (
                <tr key={client.clientId} className="border-t border-stone-100">
                  <td className="py-1.5 pr-4">{client.name}</td>
                  <td className="py-1.5 pr-4 tabular-nums">{client.running}</td>
                  <td className="py-1.5 tabular-nums">{client.queued}</td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
        <Section title="Refunds by reason, last 24 h">
          {view.lastDay.byReason.length === 0 ? (
            <Empty>No job failed in the last 24 hours.</Empty>
          ) : (
            <Table head={["Reason", "Jobs"]}>
              {view.lastDay.byReason.map((row) => (
                <tr key={row.reason} className="border-t border-stone-100">
                  <td className="py-1.5 pr-4 font-mono text-xs">{row.reason}</td>
                  <td className="py-1.5 tabular-nums">{row.jobs}</td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title="Operations">
          <OperationSwitches operations={view.operations} />
        </Section>
        <Section title="Clients and balances">
          {view.balances.length === 0 ? (
            <Empty>No clients yet.</Empty>
          ) : (
            <Table head={["Client", "Live credits", "Test credits"]}>
              {view.balances.map((client) => (
                <tr key={client.clientId} className="border-t border-stone-100">
                  <td className="py-1.5 pr-4">{client.name}</td>
                  <td className="py-1.5 pr-4 tabular-nums">{client.live}</td>
                  <td className="py-1.5 tabular-nums">{client.test}</td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      </div>
      <Section title="Recent failures" className="mt-8">
        {view.recentFailures.length === 0 ? (
          <Empty>No failures.</Empty>
        ) : (
          <Table head={["Finished (UTC)", "Client", "Mode", "Reason", "Refunded", "Job"]}>
            {view.recentFailures.map((failure) => (
              <tr key={failure.jobId} className="border-t border-stone-100">
                <td className="py-1.5 pr-4 whitespace-nowrap tabular-nums">
                  {failure.finishedAt.replace("T", " ").slice(0, 19)}
                </td>
                <td className="py-1.5 pr-4">{failure.clientName}</td>
                <td className="py-1.5 pr-4">{failure.mode}</td>
                <td className="py-1.5 pr-4 font-mono text-xs">{failure.reason}</td>
                <td className="py-1.5 pr-4 tabular-nums">{failure.creditsRefunded}</td>
                <td className="py-1.5 font-mono text-xs">{failure.jobId}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}

function QueueFigures({ view }: { view: OperatorOverview }) {
  const { queue, lastDay } = view;
  const figures = [
    { label: "Queued jobs", value: queue.queuedJobs },
    { label: "Oldest queued", value: seconds(queue.oldestQueuedSeconds) },
    { label: "Running", value: queue.jobsInProgress },
    { label: "Outbox backlog", value: queue.outboxPending },
    { label: "Oldest unsent event", value: seconds(queue.oldestOutboxSeconds) },
    {
      label: "Refund rate, 24 h",
      value: lastDay.refundRate === null ? "–" : `${(lastDay.refundRate * 100).toFixed(1)} %`,
      detail: `${lastDay.failed} of ${lastDay.failed + lastDay.succeeded} finished, ${lastDay.creditsRefunded} credits`,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-stone-200 bg-white p-4">
          <dt className="text-xs text-stone-600">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{figure.value}</dd>
          {figure.detail ? <dd className="mt-1 text-xs text-stone-500">{figure.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function seconds(value: number): string {
  if (value === 0) return "–";
  if (value < 120) return `${Math.round(value)} s`;
  if (value < 7200) return `${Math.round(value / 60)} min`;
  return `${(value / 3600).toFixed(1)} h`;
}

function Section({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className}>
      <h2 className="mb-2 text-lg font-medium">{title}</h2>
      {children}
    </section>
  );
}

function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white px-4 py-2">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-xs text-stone-600">
            {head.map((label) => (
              <th key={label} scope="col" className="py-1.5 pr-4 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-stone-600">{children}</p>;
}
