import { z } from "zod";
import { recognizeColor as recognize } from "../../services/reference/form-options";
import { defineOperation } from "../define";

export const recognizeColor = defineOperation({
  audience: { capability: null },
  input: z.object({ text: z.string().max(100) }),
  run: async (_context, { text }) => recognize(text),
  trpc: "query",
});
