import { garmentEslint } from "@garment/config/eslint";
export default [
  { ignores: [".scratch/**"] },
  ...garmentEslint({ tsconfigRootDir: import.meta.dirname }),
];
