import { pino, type Logger } from "pino";
import { serverEnv } from "../env";

export function createLogger(level: string = serverEnv.logLevel): Logger {
  return pino({ level, base: { service: "garment-studio" } });
}
