import { pino, type Logger } from "pino";
import { readServerEnv } from "../env";

export function createLogger(level: string = readServerEnv().LOG_LEVEL): Logger {
  return pino({ level, base: { service: "garment-studio" } });
}
