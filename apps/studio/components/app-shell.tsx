import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "~/app/sign-in/actions";
import { BalanceBadge } from "./balance-badge";
import { MainNav } from "./main-nav";
import { ModeBadge, ModeSwitch } from "./mode-switch";
import type { StudioMode } from "~/lib/mode";

export function AppShell({
  email,
  clientName,
  mode,
  operator = false,
  children,
}: {
  email: string;
  clientName: string;
  mode: StudioMode;
  /** The user has the operator role (the Operator link). */
  operator?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link
            href="/generate"
            className="text-sm font-semibold tracking-widest text-accent uppercase"
          >
            Garment Studio
          </Link>
          <MainNav operator={operator} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <ModeBadge mode={mode} />
            <ModeSwitch mode={mode} />
            <BalanceBadge />
            <span className="hidden text-stone-600 sm:inline" title={clientName}>
              {email}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded px-2 py-1 text-stone-700 hover:bg-stone-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      {mode === "test" ? (
        <p className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-950">
          Test mode: test credits and test data only. Nothing here touches live credits or the live
          catalog.
        </p>
      ) : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
