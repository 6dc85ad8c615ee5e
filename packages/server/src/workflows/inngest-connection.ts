import { ConfigurationError } from "../config/configuration-error";

/** The INNGEST_* variables as read from the environment (unset = undefined). */
export interface InngestSettings {
  eventKey?: string | undefined;
  signingKey?: string | undefined;
  /** INNGEST_DEV exactly as set: only "1" (or "0") is accepted. */
  dev?: string | undefined;
  baseUrl?: string | undefined;
  /** INNGEST_SERVE_ORIGIN (or the SDK's older INNGEST_SERVE_HOST): the app's public origin. */
  serveOrigin?: string | undefined;
  /** INNGEST_SERVE_PATH: where Inngest reaches the serve endpoint. */
  servePath?: string | undefined;
}

export const DEFAULT_SERVE_PATH = "/api/inngest";

/** How workflows run: in this process, on a real Inngest, or on an Inngest dev server. */
export type InngestConnection =
  | { mode: "embedded" }
  | {
      /** Inngest Cloud or self-hosted: signed both ways. */
      mode: "cloud";
      eventKey: string;
      signingKey: string;
      baseUrl: string | undefined;
      serveOrigin: string | undefined;
      servePath: string;
    }
  | {
      /** An Inngest dev server on loopback: unsigned, so only ever on this machine. */
      mode: "dev";
      eventKey: string | undefined;
      signingKey: string | undefined;
      baseUrl: string;
      serveOrigin: string | undefined;
      servePath: string;
    };

/**
 * Decides the workflow mode from the INNGEST_* settings, refusing every half configuration
 * with what is missing. Dev mode (no signature checks on /api/inngest) needs INNGEST_DEV=1
 * exactly and a dev server on loopback; any other INNGEST_DEV value is refused rather than
 * left for the SDK to read as "dev" or as a URL to send events to.
 */
export function resolveInngestConnection(settings: InngestSettings): InngestConnection {
  const problems: string[] = [];
  const { eventKey, signingKey, baseUrl } = settings;
  const dev = settings.dev?.trim();
  if (dev !== undefined && dev !== "0" && dev !== "1") {
    problems.push(
      `INNGEST_DEV is "${dev}"; it must be 1 (use an Inngest dev server on loopback) or unset. Other values are refused because the Inngest SDK would read them as dev mode (no signature checks) or as a URL to send events to.`,
    );
  }
  const serveOrigin = settings.serveOrigin;
  if (serveOrigin !== undefined && !isHttpUrl(serveOrigin))
    problems.push(
      `INNGEST_SERVE_ORIGIN is "${serveOrigin}"; it must be the app's public origin, e.g. https://studio.example.com.`,
    );
  const servePath = settings.servePath ?? DEFAULT_SERVE_PATH;
  if (!servePath.startsWith("/"))
    problems.push(`INNGEST_SERVE_PATH is "${servePath}"; it must be a path starting with "/".`);
  if (baseUrl !== undefined && !isHttpUrl(baseUrl))
    problems.push(`INNGEST_BASE_URL is "${baseUrl}"; it must be an http(s) URL.`);

  if (dev === "1") {
    if (baseUrl === undefined) {
      problems.push(
        "INNGEST_DEV=1 needs INNGEST_BASE_URL, the dev server's address on loopback (e.g. http://127.0.0.1:8288).",
      );
      throw new ConfigurationError(problems);
    }
    if (isHttpUrl(baseUrl) && !isLoopback(baseUrl))
      problems.push(
        `INNGEST_DEV=1 is only allowed with a dev server on loopback, but INNGEST_BASE_URL is ${baseUrl}. Dev mode skips signature checks on /api/inngest: for any other Inngest set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY and unset INNGEST_DEV.`,
      );
    if (problems.length > 0) throw new ConfigurationError(problems);
    return { mode: "dev", eventKey, signingKey, baseUrl, serveOrigin, servePath };
  }

  const wantsInngest = eventKey !== undefined || signingKey !== undefined || baseUrl !== undefined;
  if (wantsInngest) {
    const missing = [
      ...(eventKey === undefined ? ["INNGEST_EVENT_KEY (to send events to Inngest)"] : []),
      ...(signingKey === undefined
        ? ["INNGEST_SIGNING_KEY (to verify Inngest's calls to the serve endpoint)"]
        : []),
    ];
    if (missing.length > 0)
      problems.push(
        `Running on Inngest needs both keys; missing: ${missing.join(" and ")}. Unset every INNGEST_* variable to run the embedded runner instead.`,
      );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  if (eventKey === undefined || signingKey === undefined) return { mode: "embedded" };
  return { mode: "cloud", eventKey, signingKey, baseUrl, serveOrigin, servePath };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isLoopback(value: string): boolean {
  const host = new URL(value).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
