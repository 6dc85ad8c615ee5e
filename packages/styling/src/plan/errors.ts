/** Errors the styling engine raises for bad specs; transports map `code` to their own errors. */
export class StylingError extends Error {
  constructor(
    readonly code: "UNKNOWN_CATEGORY" | "UNRECOGNIZED_COLOR" | "INCOMPATIBLE_CATEGORY",
    /** Which request field is wrong, for a 422 `loc`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnknownCategoryError extends StylingError {
  constructor(readonly categoryId: string) {
    super(
      "UNKNOWN_CATEGORY",
      "garment_category_public_id",
      `Unknown garment category: ${categoryId}`,
    );
  }
}

export class UnrecognizedColorError extends StylingError {
  constructor(readonly color: string) {
    super("UNRECOGNIZED_COLOR", "color", `Unrecognised color: ${JSON.stringify(color)}`);
  }
}

export class IncompatibleCategoryError extends StylingError {
  constructor(
    readonly productCategoryId: string,
    readonly targetCategoryId: string,
    reason: string,
  ) {
    super("INCOMPATIBLE_CATEGORY", "targetCategoryId", reason);
  }
}
