import { getFormOptions as get } from "../../services/reference/form-options";
import { defineOperation } from "../define";

export const getFormOptions = defineOperation({
  audience: { capability: null },
  input: undefined,
  run: ({ runtime }) => get(runtime.reference),
  trpc: "query",
});
