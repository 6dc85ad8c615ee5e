import { garmentEslint } from "@garment/config/eslint";
export default garmentEslint({ tsconfigRootDir: import.meta.dirname });
