export {
  appRouter,
  createCaller,
  type AppRouter,
  type RouterInputs,
  type RouterOutputs,
} from "./root";
export { createContextInner, type TrpcContext } from "./context";
export { handleTrpcRequest } from "./handler";
export { isEdgeError, type TrpcApiErrorData } from "./init";
