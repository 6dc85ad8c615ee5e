import { redirect } from "next/navigation";

/** The nav's entry: batches start from an upload (a list of past batches is still to come). */
export default function BatchesPage() {
  redirect("/batches/new");
}
