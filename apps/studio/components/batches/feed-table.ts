import Papa from "papaparse";

/** A CSV as read: its header row and its records, every cell a trimmed string. */
export interface FeedTable {
  headers: string[];
  rows: string[][];
}

export type FeedParse = { ok: true; table: FeedTable } | { ok: false; error: string };

/**
 * Reads a product feed (an uploaded file's text or pasted rows). Delimiters are detected (comma,
 * semicolon, tab: a spreadsheet's paste is tab-separated), quoted fields may span lines, blank
 * lines are skipped. Short records are padded so every row has one cell per header.
 */
export function parseFeed(text: string): FeedParse {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, error: "The file has no rows." };
  const parsed = Papa.parse<string[]>(source, { skipEmptyLines: "greedy" });
  // A quote left open swallows the rest of the file: say so rather than guess its rows.
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) {
    return { ok: false, error: `Unclosed quote in the CSV near record ${(broken.row ?? 0) + 1}.` };
  }
  const [head, ...records] = parsed.data;
  const headers = (head ?? []).map((cell) => cell.trim());
  if (headers.every((h) => h === "")) return { ok: false, error: "The first row has no headers." };
  if (records.length === 0) return { ok: false, error: "The file has headers but no rows." };
  const rows = records.map((record) =>
    headers.map((_header, index) => (record[index] ?? "").trim()),
  );
  return { ok: true, table: { headers, rows } };
}
