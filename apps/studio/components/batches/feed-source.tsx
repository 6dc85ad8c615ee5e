"use client";

import { useState, type ChangeEvent } from "react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Hint, Label, Textarea } from "~/components/ui/field";

/** Where the rows come from: a CSV file, or rows pasted from a spreadsheet. */
export function FeedSource({ onText }: { onText: (text: string, name: string) => void }) {
  const [pasted, setPasted] = useState("");

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) onText(await file.text(), file.name);
    // The same file can be chosen again (a re-upload after a dispatch).
    event.target.value = "";
  }

  return (
    <Card aria-labelledby="source-heading">
      <h2 id="source-heading" className="text-base font-semibold">
        1. The product feed
      </h2>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <div>
          <Label htmlFor="feed-file">Upload a CSV file</Label>
          <input
            id="feed-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            onChange={(e) => void pick(e)}
            aria-describedby="feed-file-hint"
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
          <Hint id="feed-file-hint">
            Our columns (category, color, material, pattern, fit, length, sku, display name) or a
            Shopify product export. Up to 1,000 rows.
          </Hint>
        </div>
        <div>
          <Label htmlFor="feed-paste">Or paste rows, headers first</Label>
          <Textarea
            id="feed-paste"
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={"category,color,material,pattern\nShirt,navy,linen,solid"}
          />
          <Button
            variant="secondary"
            className="mt-2"
            disabled={pasted.trim() === ""}
            onClick={() => onText(pasted, "pasted rows")}
          >
            Use pasted rows
          </Button>
        </div>
      </div>
    </Card>
  );
}
