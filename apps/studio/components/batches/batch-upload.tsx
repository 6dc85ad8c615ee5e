"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { createBatchAction } from "~/app/(studio)/batches/actions";
import { Card } from "~/components/ui/card";
import { viaAction } from "~/lib/action-result";
import { loadSchemas } from "~/lib/schemas";
import { errorMessage, trpc } from "~/lib/trpc";
import { batchKeyOf } from "./batch-key";
import { checkRow, type BatchSchemas, type RowErrors } from "./batch-rows";
import {
  applyMapping,
  prepareFeed,
  proposeMapping,
  type ColumnMapping,
  type FeedFormat,
  type RowValues,
  type TargetField,
} from "./column-mapping";
import { ColumnMappingForm } from "./column-mapping-form";
import { DispatchSummary } from "./dispatch-summary";
import { FeedSource } from "./feed-source";
import { parseFeed, type FeedTable } from "./feed-table";
import { RowEditorGrid } from "./row-editor-grid";
import { serverRowErrors } from "./server-row-errors";

// The page's one mutation: a server action over batches.create (batches/actions.ts).
const createBatch = viaAction(createBatchAction);

interface LoadedFeed {
  name: string;
  format: FeedFormat;
  table: FeedTable;
}

/** Upload a product feed, map and fix its rows in the browser, then dispatch them as one batch. */
export function BatchUpload() {
  const router = useRouter();
  const utils = trpc.useUtils();
  const [feed, setFeed] = useState<LoadedFeed | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [rows, setRows] = useState<RowValues[]>([]);
  const [serverErrors, setServerErrors] = useState<Map<number, RowErrors>>(new Map());
  const [dispatchError, setDispatchError] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [schemas, setSchemas] = useState<BatchSchemas | null>(null);

  const categories = trpc.reference.garmentCategories.useQuery();
  const operations = trpc.operations.list.useQuery();
  const balance = trpc.credits.balance.useQuery();
  const price = operations.data?.operations.find((op) =>
    op.name.includes("complementary"),
  )?.credits_cost;

  // The API's schema is loaded after first paint (lib/schemas.ts); rows wait for it.
  useEffect(() => {
    void loadSchemas().then((module) => setSchemas(module));
  }, []);

  const checks = useMemo(() => {
    if (!schemas || !categories.data) return null;
    const choices = categories.data.garment_categories;
    return rows.map((values) => checkRow(values, choices, schemas));
  }, [rows, schemas, categories.data]);

  const errors = useMemo(
    () =>
      rows.map((_values, index) => {
        const check = checks?.[index];
        const own = check && !check.ok ? check.errors : null;
        const server = serverErrors.get(index);
        return own || server ? { ...server, ...own } : null;
      }),
    [rows, checks, serverErrors],
  );
  const badRows = errors.filter(Boolean).length;
  const visible = useMemo(
    () => rows.flatMap((_values, index) => (!onlyProblems || errors[index] ? [index] : [])),
    [rows, errors, onlyProblems],
  );

  const dispatch = useMutation({
    mutationFn: createBatch,
    onSuccess: async (batch) => {
      await utils.credits.balance.invalidate();
      router.push(`/batches/${batch.batch_id}${batch.replayed ? "?replayed=1" : ""}`);
    },
    onError: (error) => {
      const byRow = serverRowErrors(error);
      setServerErrors(byRow);
      setDispatchError(
        byRow.size > 0
          ? `The server refused ${byRow.size === 1 ? "1 row" : `${byRow.size} rows`}; they are marked in the grid. Nothing was charged.`
          : errorMessage(error),
      );
      if (byRow.size > 0) setOnlyProblems(true);
      void utils.credits.balance.invalidate();
    },
  });

  function load(text: string, name: string) {
    setDispatchError(null);
    setServerErrors(new Map());
    const parsed = parseFeed(text);
    if (!parsed.ok) {
      setFeed(null);
      setFeedError(`${name}: ${parsed.error}`);
      return;
    }
    const prepared = prepareFeed(parsed.table);
    const proposed = proposeMapping(prepared.table.headers);
    setFeedError(null);
    setFeed({ name, ...prepared });
    setMapping(proposed);
    setRows(applyMapping(prepared.table, proposed));
    setOnlyProblems(false);
  }

  function remap(next: ColumnMapping) {
    if (!feed) return;
    setMapping(next);
    setRows(applyMapping(feed.table, next));
    setServerErrors(new Map());
  }

  function edit(index: number, field: TargetField, value: string) {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    setServerErrors((current) => {
      if (!current.has(index)) return current;
      const next = new Map(current);
      next.delete(index);
      return next;
    });
  }

  async function send() {
    if (!checks) return;
    const items = checks.flatMap((check) => (check.ok ? [check.item] : []));
    if (items.length !== rows.length) return;
    setDispatchError(null);
    dispatch.mutate({ idempotency_key: await batchKeyOf(items), items });
  }

  return (
    <div className="grid gap-6">
      <FeedSource onText={load} />
      {feedError && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          {feedError}
        </p>
      )}
      {feed && mapping && (
        <>
          <ColumnMappingForm
            table={feed.table}
            format={feed.format}
            mapping={mapping}
            onChange={remap}
          />
          <div className="grid gap-6 xl:grid-cols-[1fr_18rem]">
            <Card aria-labelledby="rows-heading" className="min-w-0">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="rows-heading" className="text-base font-semibold">
                  Rows of {feed.name}
                </h2>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={onlyProblems}
                    onChange={(e) => setOnlyProblems(e.target.checked)}
                    className="accent-accent"
                  />
                  Only rows with problems ({badRows})
                </label>
              </div>
              <p className="mt-1 mb-3 text-sm text-stone-700">
                {!checks
                  ? "Checking the rows…"
                  : badRows > 0
                    ? `${badRows} of ${rows.length} rows need a fix: edit the marked cells; each row is checked again as you type.`
                    : `All ${rows.length} rows are ready.`}
              </p>
              <RowEditorGrid rows={rows} errors={errors} visible={visible} onEdit={edit} />
            </Card>
            <aside className="xl:sticky xl:top-6 xl:self-start">
              <DispatchSummary
                rowCount={rows.length}
                badRows={checks ? badRows : rows.length}
                price={price}
                balance={balance.data?.balance}
                pending={dispatch.isPending}
                error={dispatchError}
                onDispatch={() => void send()}
              />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
