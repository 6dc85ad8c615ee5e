import { readFileSync } from "node:fs";
import path from "node:path";

// The data folder of the server under test (the config's default, or E2E_DATA_DIR when reusing one).
const dataDir = () =>
  process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, "../../.data-e2e");

/** The demo client the server created at start (the embedded default prints the same keys). */
export function demoCredentials(): { client_id: string; api_key: string; test_api_key: string } {
  return JSON.parse(readFileSync(path.join(dataDir(), "demo-credentials.json"), "utf8")) as {
    client_id: string;
    api_key: string;
    test_api_key: string;
  };
}

/** The demo stylist's Studio login, printed at start next to the demo keys. */
export function demoStylist(): { email: string; password: string } {
  return JSON.parse(readFileSync(path.join(dataDir(), "demo-stylist.json"), "utf8")) as {
    email: string;
    password: string;
  };
}
