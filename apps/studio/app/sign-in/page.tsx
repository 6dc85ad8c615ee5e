import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "~/lib/return-path";
import { currentStylist } from "~/lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  // Only a same-origin path: `?next=//evil.example` must not send a stylist off-site.
  const next = safeReturnPath((await searchParams).next);
  if (await currentStylist()) redirect(next);
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold tracking-widest text-accent uppercase">Garment Studio</p>
      <h1 className="mt-2 text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600">
        Design the garment that completes the look. The local demo prints its stylist login when the
        server starts.
      </p>
      <SignInForm next={next} />
    </main>
  );
}
