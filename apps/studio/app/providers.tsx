"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
// The subpath, not the package: zod stays out of the first paint's bundle (lib/schemas.ts).
import { MAX_TRPC_BATCH_CALLS } from "@garment/schemas/transport-limits";
import { httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { trpc } from "~/lib/trpc";

function isUnauthenticated(error: unknown): boolean {
  return (error as { data?: { code?: string } } | null)?.data?.code === "UNAUTHORIZED";
}

/** A session that expired mid-visit sends the stylist back to sign in, then here again. */
function onAuthError(error: unknown) {
  if (isUnauthenticated(error) && typeof window !== "undefined") {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  }
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: onAuthError }),
        mutationCache: new MutationCache({ onError: onAuthError }),
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            refetchOnWindowFocus: false,
            retry: (count, error) => !isUnauthenticated(error) && count < 2,
          },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    trpc.createClient({
      // The server refuses larger batches (413): split them at its cap.
      links: [httpBatchLink({ url: "/api/trpc", maxItems: MAX_TRPC_BATCH_CALLS })],
    }),
  );
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
