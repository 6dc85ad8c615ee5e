import Link from "next/link";
import { buttonClass } from "~/components/ui/button";

export default function Home() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16 leading-relaxed">
      <p className="text-sm font-semibold tracking-widest text-accent uppercase">Garment Studio</p>
      <h1 className="mt-2 text-3xl font-semibold">Design the garment that completes the look.</h1>
      <p className="mt-4 text-stone-700">
        Give one garment (category, color, material, pattern, fit and length) and the Studio designs
        the garment that completes the look, then renders it.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/generate" className={buttonClass("primary")}>
          Open the Studio
        </Link>
        <Link href="/docs/api" className={buttonClass("secondary")}>
          API reference
        </Link>
      </div>
      <h2 className="mt-12 text-lg font-semibold">API</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        <li>
          <code>POST /v1/complementary-garment-generator</code> with{" "}
          <code>Authorization: Bearer sk_…</code>
        </li>
        <li>
          <code>GET /v1/credits</code>, <code>GET /v1/operations</code>
        </li>
        <li>
          tRPC at <code>/api/trpc</code> for internal tools
        </li>
        <li>
          Every route, its schemas and examples: the{" "}
          <Link href="/docs/api" className="underline">
            API reference
          </Link>{" "}
          (the document itself:{" "}
          <a href="/v1/openapi.json" className="underline">
            /v1/openapi.json
          </a>
          )
        </li>
      </ul>
    </main>
  );
}
