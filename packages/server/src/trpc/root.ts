import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, router } from "./init";
import { complementaryGarmentRouter } from "./routers/complementary-garment";
import { creditsRouter } from "./routers/credits";
import { operationsRouter } from "./routers/operations";
import { jobsRouter } from "./routers/jobs";
import { usageRouter } from "./routers/usage";
import { webhooksRouter } from "./routers/webhooks";
import { studioRouter } from "./routers/studio";
import { referenceRouter } from "./routers/reference";
import { catalogRouter } from "./routers/catalog";

export const appRouter = router({
  complementaryGarment: complementaryGarmentRouter,
  credits: creditsRouter,
  operations: operationsRouter,
  jobs: jobsRouter,
  usage: usageRouter,
  webhooks: webhooksRouter,
  studio: studioRouter,
  reference: referenceRouter,
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
