// Admin CLI: `pnpm cli <group> <command> [--flags]`. Prints one JSON document on stdout so
// scripts can use it; errors go to stderr as JSON with a non-zero exit code.
import { openDatabase, type DatabaseHandle } from "@garment/db";
import { parseArgs } from "node:util";
import { seedReferenceData } from "../seed/reference-data";
import { COMMANDS, type CommandSpec } from "./commands";

const USAGE = `Usage: pnpm cli <command> [options]

${COMMANDS.map((c) => `  ${c.name.padEnd(18)} ${c.usage}`).join("\n")}

Against the embedded database (no DATABASE_URL) the CLI needs the Studio stopped: PGlite
admits one process per data folder. With DATABASE_URL=postgresql://… it runs any time.`;

async function main(argv: string[]): Promise<number> {
  const name = argv.slice(0, 2).join(" ");
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return argv.length === 0 || argv.includes("--help") ? 0 : 2;
  }
  const { values } = parseArgs({ args: argv.slice(2), options: command.options, strict: true });
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase({ migrate: true });
    await seedReferenceData(database.db);
    const result = await command.run(database.db, values);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await database?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exit(1);
  },
);

export type { CommandSpec };
