import { Card, Skeleton } from "~/components/ui/card";

export default function JobLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the job">
      <Skeleton className="h-8 w-72" />
      <Card>
        <Skeleton className="h-7 w-full" />
      </Card>
      <Skeleton className="aspect-square w-full max-w-2xl" />
    </div>
  );
}
