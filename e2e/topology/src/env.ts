import { envInteger, envText, throwInvalidEnvironment, withoutBlankValues } from "@garment/schemas";
import { createEnv } from "@t3-oss/env-core";

/** The only place the system test and its bench read the environment. */
export function readTopologyEnv(source: Record<string, string | undefined> = process.env) {
  return createEnv({
    server: {
      /** A PostgreSQL server: each run creates its own database there and drops it after. */
      TEST_DATABASE_URL: envText(),
      /** Keep the shared rate limit in this Redis instead of PostgreSQL (optional). */
      TOPOLOGY_REDIS_URL: envText(),
      /** The two instances listen on this port and the next one. */
      TOPOLOGY_PORT: envInteger(1),
      /** Dispatches to drive (default: 2,000 in the test, 10,000 in the bench). */
      TOPOLOGY_DISPATCHES: envInteger(1),
      /** Keep the database and the instances' logs after the run (debugging). */
      TOPOLOGY_KEEP: envText(),
    },
    runtimeEnv: withoutBlankValues(source),
    isServer: true,
    onValidationError: throwInvalidEnvironment,
  });
}

/** What the servers the test starts inherit: where node and the tools are, nothing else. */
export function inheritedEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" };
}
