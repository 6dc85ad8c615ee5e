import { getStylist as get } from "../../services/users/get-stylist";
import { defineOperation } from "../define";

export const getStylist = defineOperation({
  audience: { stylist: true },
  input: undefined,
  run: ({ runtime, caller }) => get(runtime.db, caller.userId ?? ""),
  trpc: "query",
});
