// Shared flat ESLint config: typescript-eslint's type-aware recommended rules plus the
// few house rules from spec/style.md (no process.env outside env modules, type-only imports).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export function garmentEslint({ tsconfigRootDir, envFiles = ["**/env.ts"] }) {
  return tseslint.config(
    {
      ignores: [
        "**/node_modules/**",
        "**/dist/**",
        "**/.next/**",
        "**/src/generated/**",
        "**/next-env.d.ts",
        "**/*.config.{js,mjs,cjs}",
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/consistent-type-imports": [
          "error",
          { fixStyle: "inline-type-imports" },
        ],
        "@typescript-eslint/no-unused-vars": [
          "error",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
        ],
        "@typescript-eslint/no-non-null-assertion": "error",
        "@typescript-eslint/require-await": "off",
        "@typescript-eslint/only-throw-error": "off",
        "no-restricted-properties": [
          "error",
          {
            object: "process",
            property: "env",
            message: "Read configuration through the package's env.ts.",
          },
        ],
        "no-restricted-imports": [
          "error",
          {
            paths: [
              {
                name: "node:process",
                importNames: ["env"],
                message: "Read configuration through the package's env.ts.",
              },
              {
                name: "process",
                importNames: ["env"],
                message: "Read configuration through the package's env.ts.",
              },
            ],
          },
        ],
      },
    },
    {
      files: envFiles,
      rules: { "no-restricted-properties": "off", "no-restricted-imports": "off" },
    },
    {
      files: ["**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/bench/**", "**/*.bench.ts"],
      rules: {
        "no-restricted-properties": "off",
        "@typescript-eslint/no-unsafe-assignment": "off",
        "@typescript-eslint/no-unsafe-member-access": "off",
        "@typescript-eslint/no-unsafe-call": "off",
        "@typescript-eslint/no-unsafe-return": "off",
        "@typescript-eslint/no-unsafe-argument": "off",
        "@typescript-eslint/no-explicit-any": "off",
        "@typescript-eslint/no-non-null-assertion": "off",
      },
    },
  );
}
