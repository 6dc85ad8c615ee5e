/** What a procedure run as a server action answers (tRPC's response shape, see trpc-server.ts). */
export type ActionResponse<T> =
  { result: { data: T } } | { error: { message: string; data?: unknown } };

/**
 * A failed server action as an Error: `data` is tRPC's error data (`code`, `httpStatus`, and the
 * API's `api` with its 422 detail), the shape a tRPC client error carries, so `fieldErrorsOf` and
 * the providers' sign-in redirect read it the same way.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** The action's value, or its error thrown (for react-query's mutations). */
export function unwrapAction<T>(response: ActionResponse<T>): T {
  if ("error" in response) throw new ActionError(response.error.message, response.error.data);
  return response.result.data;
}

/** The value a successful action answers (T of `{ result: { data: T } }`). */
type ActionValue<Response> = Response extends { result: infer Result } ? DataOf<Result> : never;
// tRPC's result type is a union (subscription markers carry no data): each member on its own.
type DataOf<Result> = Result extends { data: infer T } ? T : never;

/** A server action as react-query's `mutationFn`: its value, or its error thrown. */
export function viaAction<Input, Response extends ActionResponse<unknown>>(
  action: (input: Input) => Promise<Response>,
) {
  return async (input: Input): Promise<ActionValue<Response>> =>
    unwrapAction(await action(input)) as ActionValue<Response>;
}
