import { readFileSync } from "node:fs";
import path from "node:path";

/** The demo client the server created at start (the embedded default prints the same keys). */
export function demoCredentials(): { client_id: string; api_key: string; test_api_key: string } {
  const dir = path.resolve(import.meta.dirname, "../../.data-e2e");
  return JSON.parse(readFileSync(path.join(dir, "demo-credentials.json"), "utf8")) as {
    client_id: string;
    api_key: string;
    test_api_key: string;
  };
}
