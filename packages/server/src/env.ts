/** The only place @garment/server reads the environment. */
function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value : undefined;
}

export const serverEnv = {
  get inngestEventKey() {
    return nonEmpty(process.env.INNGEST_EVENT_KEY);
  },
  get inngestSigningKey() {
    return nonEmpty(process.env.INNGEST_SIGNING_KEY);
  },
  get inngestDev() {
    return nonEmpty(process.env.INNGEST_DEV);
  },
  get inngestBaseUrl() {
    return nonEmpty(process.env.INNGEST_BASE_URL);
  },
  get port() {
    return nonEmpty(process.env.PORT) ?? "3000";
  },
  get signingSecret() {
    return nonEmpty(process.env.STUDIO_SIGNING_SECRET);
  },
  get storageDir() {
    return nonEmpty(process.env.STUDIO_STORAGE_DIR);
  },
  get logLevel() {
    return nonEmpty(process.env.LOG_LEVEL) ?? "info";
  },
  get demoCredits() {
    return Number(nonEmpty(process.env.STUDIO_DEMO_CREDITS) ?? 1000);
  },
  get openAiApiKey() {
    return nonEmpty(process.env.OPENAI_API_KEY);
  },
  get geminiApiKey() {
    return nonEmpty(process.env.GEMINI_API_KEY);
  },
  get falKey() {
    return nonEmpty(process.env.FAL_KEY);
  },
};
