import type { DataMode } from "@garment/db";
import type { Capability } from "./api-keys";

/** Who is calling: a client in one data mode, with what it may do. */
export interface Caller {
  clientId: string;
  mode: DataMode;
  capabilities: readonly Capability[];
  /** The credential used (API key id), for request logs. */
  apiKeyId: string | null;
  /** The signed-in Studio stylist, when the caller came with a session cookie. */
  userId?: string | null;
  /** The stylist holds the operator role (read with the session, on every request). */
  isOperator?: boolean;
}

export function hasCapability(caller: Caller, capability: Capability): boolean {
  return caller.capabilities.includes(capability);
}
