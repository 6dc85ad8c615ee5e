import type { TRPCMutationProcedure, TRPCQueryProcedure } from "@trpc/server";
import { runOperation } from "../edge/run-operation";
import type {
  AnyOperation,
  OperationDefinition,
  OperationInput,
  TrpcKind,
} from "../operations/define";
import { procedure, toTrpcError } from "./init";
import type { TrpcContext } from "./context";

/** The tRPC procedure of an operation: a query or a mutation, typed by the operation. */
type ProcedureOf<Op> =
  Op extends OperationDefinition<infer _Input, infer _Parsed, infer Result, infer Kind>
    ? Kind extends "mutation"
      ? TRPCMutationProcedure<{ input: OperationInput<Op>; output: Result; meta: object }>
      : TRPCQueryProcedure<{ input: OperationInput<Op>; output: Result; meta: object }>
    : never;

/** The operations' tree as tRPC routers: the same names, a procedure for each operation. */
export type ProceduresOf<Tree> = {
  [Name in keyof Tree]: Tree[Name] extends AnyOperation
    ? ProcedureOf<Tree[Name]>
    : ProceduresOf<Tree[Name]>;
};

/**
 * tRPC hands the raw input through (a Standard Schema that accepts anything): the edge parses
 * it with the operation's schema, the same way for every transport.
 */
const rawInput = {
  "~standard": {
    version: 1 as const,
    vendor: "garment-studio",
    validate: (value: unknown) => ({ value }),
  },
};

function isOperation(node: unknown): node is AnyOperation {
  return typeof node === "object" && node !== null && "run" in node && "audience" in node;
}

function procedureFor(operation: AnyOperation, path: string) {
  const resolve = async ({ ctx, input }: { ctx: TrpcContext; input: unknown }) => {
    const edge = {
      runtime: ctx.runtime,
      requestId: ctx.nextCallRequestId(),
      headers: ctx.headers,
      identify: ctx.identify,
      request: {
        transport: "trpc" as const,
        method: operation.trpc === "mutation" ? "POST" : "GET",
        path: `trpc/${path}`,
        route: `trpc/${path}`,
        startedAt: performance.now(),
      },
    };
    try {
      return (await runOperation(edge, operation, {
        read: async () => input,
        locate: () => "body",
        successStatus: 200,
      })) as unknown;
    } catch (error) {
      throw toTrpcError(error, edge.requestId);
    }
  };
  const base = procedure.input(rawInput);
  return operation.trpc === "mutation" ? base.mutation(resolve) : base.query(resolve);
}

/** Builds the procedures of a tree of operations (the router's shape is the tree's). */
export function proceduresOf<Tree extends object>(tree: Tree, prefix = ""): ProceduresOf<Tree> {
  const record: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${name}` : name;
    record[name] = isOperation(node)
      ? procedureFor(node, path)
      : proceduresOf(node as object, path);
  }
  return record as ProceduresOf<Tree>;
}

export type { TrpcKind };
