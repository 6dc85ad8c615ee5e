/**
 * The configuration cannot work: thrown at start-up, before anything is opened, with every
 * problem found (each names the variables involved and what to do), so one read fixes all.
 */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Garment Studio cannot start with this configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigurationError";
  }
}
