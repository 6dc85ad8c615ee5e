import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../src/runtime/logger";

/** The production logger (same options, redaction included), writing into memory. */
export function captureLogs(level = "debug"): {
  logger: Logger;
  text: () => string;
  lines: () => Record<string, unknown>[];
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger(level, sink);
  const text = () => chunks.join("");
  return {
    logger,
    text,
    // Every line must be one JSON object: JSON.parse throws on anything else.
    lines: () =>
      text()
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
