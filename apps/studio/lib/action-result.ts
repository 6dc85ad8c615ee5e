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
