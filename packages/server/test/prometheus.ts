import type { AppRuntime } from "../src/runtime/app-runtime";
import { handleMetricsRequest } from "../src/rest/metrics";

/** One sample line of the text format: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: string;
  help: string;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

/**
 * A strict parser of the Prometheus text exposition format (0.0.4): every line is a HELP or
 * TYPE comment, blank, or a sample whose labels parse completely and whose value is a number;
 * anything else throws, so a malformed exposition fails the test. (The npm parsers we tried
 * drop histogram labels.)
 */
export function parseExposition(text: string): { families: Family[]; samples: Sample[] } {
  const families = new Map<string, Family>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      const [, kind, name = "", rest = ""] = comment;
      const family = families.get(name) ?? { name, type: "untyped", help: "" };
      if (kind === "TYPE") family.type = rest;
      else family.help = rest;
      families.set(name, family);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const [, name = "", rawLabels = "", rawValue = ""] = match;
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let label = LABEL.exec(rawLabels); label; label = LABEL.exec(rawLabels)) {
      labels[label[1] ?? ""] = (label[2] ?? "").replace(/\\(.)/g, (_, c: string) =>
        c === "n" ? "\n" : c,
      );
      consumed = LABEL.lastIndex;
    }
    if (consumed !== rawLabels.length) throw new Error(`labels do not parse: ${line}`);
    const value =
      rawValue === "+Inf" ? Infinity : rawValue === "-Inf" ? -Infinity : Number(rawValue);
    if (Number.isNaN(value) && rawValue !== "NaN") throw new Error(`not a number: ${line}`);
    const family = name.replace(/_(bucket|sum|count)$/, "");
    if (!families.has(name) && !families.has(family))
      throw new Error(`sample before its TYPE line: ${line}`);
    samples.push({ name, labels, value });
  }
  return { families: [...families.values()], samples };
}

/** One scrape of /metrics, parsed. */
export class Scrape {
  readonly families: Family[];
  readonly samples: Sample[];

  constructor(text: string) {
    ({ families: this.families, samples: this.samples } = parseExposition(text));
  }

  /**
   * The sum of the samples of `name` whose labels include `labels` (0 when none was recorded
   * yet: a labelled counter that never moved has no sample).
   */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter((sample) => sample.name === name)
      .filter((sample) =>
        Object.entries(labels).every(([key, want]) => sample.labels[key] === want),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
  }

  /** How many observations a histogram's matching series hold. */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.value(`${name}_count`, labels);
  }
}

export async function scrapeMetrics(
  runtime: AppRuntime,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; scrape: Scrape }> {
  const response = await handleMetricsRequest(
    async () => runtime,
    new Request("http://studio.test/metrics", { headers }),
  );
  const text = await response.text();
  return { status: response.status, text, scrape: new Scrape(response.status === 200 ? text : "") };
}
