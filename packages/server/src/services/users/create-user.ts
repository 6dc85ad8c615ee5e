import type { PrismaClient } from "@garment/db";
import { ulid } from "../../ids";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

export interface CreatedUser {
  user_id: string;
  client_id: string;
  email: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Adds a stylist to a client. Emails are unique across clients (they are the sign-in name). */
export async function createUser(
  db: PrismaClient,
  input: { clientId: string; email: string; password: string; name?: string },
): Promise<CreatedUser> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error(`"${input.email}" is not an email.`);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`);
  const client = await db.client.findUnique({
    where: { id: input.clientId },
    select: { id: true },
  });
  if (!client) throw new Error(`No client ${input.clientId}.`);
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new Error(`A user with email ${email} already exists.`);
  const id = ulid();
  await db.user.create({
    data: {
      id,
      clientId: input.clientId,
      email,
      passwordHash: await hashPassword(input.password),
      name: input.name ?? "",
    },
  });
  return { user_id: id, client_id: input.clientId, email };
}
