import { pino, type DestinationStream, type Logger } from "pino";
import { readServerEnv } from "../env";

/**
 * Where a secret could sit in a logged object, censored by pino before the line is written.
 * Nothing logs headers or credentials on purpose (the request line names the client, never the
 * key); this is the net under that rule.
 */
export const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "apiKey",
  "*.apiKey",
  "api_key",
  "*.api_key",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "token",
  "*.token",
];

/**
 * The process's logger: one JSON object per line on stdout (pino), at LOG_LEVEL (default info),
 * secrets censored. Tests pass a stream to read the lines back.
 */
export function createLogger(
  level: string = readServerEnv().LOG_LEVEL,
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: "garment-studio" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
