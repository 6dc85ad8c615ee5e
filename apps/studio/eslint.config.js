import { garmentEslint } from "@garment/config/eslint";
export default [
  ...garmentEslint({
    tsconfigRootDir: import.meta.dirname,
    envFiles: ["**/env.ts", "instrumentation.ts", "scripts/**"],
  }),
  // Plain Node build scripts (run after `next build`), outside the app's TypeScript project.
  { ignores: ["scripts/*.mjs", "postcss.config.mjs"] },
];
