"use client";

import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";

/** An unexpected error inside a Studio page: say so, and offer to try again. */
export default function StudioError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Card role="alert" className="mx-auto max-w-lg">
      <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
      <p className="mt-1 text-sm text-stone-700">
        {error.digest ? `Reference ${error.digest}. ` : ""}Your jobs and credits are safe.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
