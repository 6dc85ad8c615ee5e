import { z } from "zod";

/** Crockford base32, 26 characters: the shape of every public id. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const Ulid = z.string().regex(ULID_PATTERN, "Input should be a 26-character ULID");
export type Ulid = z.infer<typeof Ulid>;
