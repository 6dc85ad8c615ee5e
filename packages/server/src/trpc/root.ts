import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { operations } from "../operations";
import { createCallerFactory, router } from "./init";
import { proceduresOf } from "./procedures";

/** One procedure per operation, named by the operations' tree (operations/index.ts). */
export const appRouter = router(proceduresOf(operations));

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
