import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "@garment/config/vitest";
export default defineConfig({ test: { ...sharedTestOptions } });
