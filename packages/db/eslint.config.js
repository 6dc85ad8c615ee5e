import { garmentEslint } from "@garment/config/eslint";
export default garmentEslint({
  tsconfigRootDir: import.meta.dirname,
  // prisma.config.ts is read by the Prisma CLI, outside the package's env module.
  envFiles: ["**/env.ts", "prisma.config.ts"],
});
