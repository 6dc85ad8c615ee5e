import { z } from "zod";

/** The input of an operation on one resource: its ULID (`{public_id}` in a REST path). */
export const PublicIdInput = z.object({ public_id: z.string().max(64) });
