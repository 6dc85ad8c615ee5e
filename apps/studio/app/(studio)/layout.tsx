import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import { currentMode } from "~/lib/mode";
import { currentStylist } from "~/lib/session";
import { HydrateClient, serverTrpc } from "~/lib/trpc-server";
import { Providers } from "../providers";

export const dynamic = "force-dynamic";

/** Every Studio page needs a signed-in stylist; the session is checked on the server. */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const stylist = await currentStylist();
  // The proxy already sent visitors without a session cookie to sign in (keeping their page);
  // this catches expired or revoked sessions.
  if (!stylist) redirect("/sign-in");
  const mode = await currentMode();
  // The balance every page's header shows, fetched through its procedure for the first paint.
  await serverTrpc.credits.balance.prefetch();
  // Keyed by mode: switching drops every cached query, so no page shows the other mode's data.
  return (
    <Providers key={mode}>
      <HydrateClient>
        <AppShell
          email={stylist.email}
          clientName={stylist.clientName}
          mode={mode}
          operator={stylist.isOperator}
        >
          {children}
        </AppShell>
      </HydrateClient>
    </Providers>
  );
}
