import { garmentEslint } from "@garment/config/eslint";
import { layerRule } from "@garment/config/eslint-layers";

/** The layers of src/, lowest first; ARCHITECTURE.md says what each one is for. */
const LAYERS = [
  ["env.ts", "errors.ts", "ids.ts", "config", "ports"],
  ["storage", "observability"],
  ["auth"],
  ["services"],
  ["workflows"],
  ["runtime", "seed"],
  ["operations"],
  ["edge", "http"],
  ["openapi"],
  ["rest", "trpc"],
  ["cli", "index.ts"],
];

export default [
  ...garmentEslint({ tsconfigRootDir: import.meta.dirname }),
  layerRule({ layers: LAYERS, rootDir: import.meta.dirname }),
];
