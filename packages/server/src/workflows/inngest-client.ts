import { Inngest } from "inngest";
import { createEmbeddedInngest } from "@garment/inngest-runner";
import { deadlineFetch } from "./engine/deadline-fetch";
import type { InngestConnection } from "./inngest-connection";

export const INNGEST_APP_ID = "garment-studio";

/** The SDK's logger shape (pino fits it). */
type SdkLogger = NonNullable<ConstructorParameters<typeof Inngest>[0]["logger"]>;

export interface InngestClientOptions {
  /** The deadline of every call to Inngest (sending events, syncing). */
  outboundTimeoutMs: () => number;
  logger?: SdkLogger;
}

/**
 * The app's Inngest client for its connection. Checkpointing is off in every mode: Inngest's
 * executor then calls /api/inngest once per step and reads ops from each answer, the protocol
 * the embedded runner speaks, so the shared scenario suite tests the path production takes.
 */
export function createInngestClient(
  connection: InngestConnection,
  options: InngestClientOptions,
): Inngest.Any {
  const logger = options.logger ? { logger: options.logger } : {};
  // Embedded: events sent from inside functions (step.sendEvent, inngest.send) go to the runner,
  // never to a dev server's default URL.
  if (connection.mode === "embedded")
    return createEmbeddedInngest({ id: INNGEST_APP_ID, checkpointing: false, ...logger });
  return new Inngest({
    id: INNGEST_APP_ID,
    checkpointing: false,
    // Explicit, so the SDK never falls back to reading INNGEST_DEV itself: signed ("cloud")
    // unless this is a dev server on loopback.
    isDev: connection.mode !== "cloud",
    ...(connection.eventKey ? { eventKey: connection.eventKey } : {}),
    ...(connection.signingKey ? { signingKey: connection.signingKey } : {}),
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
    fetch: deadlineFetch(options.outboundTimeoutMs),
    ...logger,
  });
}
