import type { PrismaClient } from "@garment/db";
import { createHash, randomBytes } from "node:crypto";
import { ulid } from "../../ids";
import { normalizeEmail } from "./create-user";
import { burnPasswordCheck, verifyPassword } from "./passwords";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
// Sessions are extended when used after half their life, so an active stylist stays signed in.
const RENEW_AFTER_MS = SESSION_TTL_MS / 2;

export interface SessionUser {
  userId: string;
  clientId: string;
  email: string;
  name: string;
  clientName: string;
  /** May open the operator's page. */
  isOperator: boolean;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

/** The cookie holds a random token; the table holds only its SHA-256 (like API keys). */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Checks email + password and opens a session, or returns null (same answer for either mistake). */
export async function signIn(
  db: PrismaClient,
  email: string,
  password: string,
  now = new Date(),
): Promise<IssuedSession | null> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    include: { client: { select: { name: true } } },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.studioSession.create({
    data: { id: ulid(), userId: user.id, tokenHash: hashSessionToken(token), expiresAt },
  });
  // Housekeeping: expired sessions of this user go when they sign in again.
  await db.studioSession.deleteMany({ where: { userId: user.id, expiresAt: { lt: now } } });
  return {
    token,
    expiresAt,
    user: {
      userId: user.id,
      clientId: user.clientId,
      email: user.email,
      name: user.name,
      clientName: user.client.name,
      isOperator: user.isOperator,
    },
  };
}

/** The signed-in stylist for a session token, or null when unknown or expired. */
export async function resolveSession(
  db: PrismaClient,
  token: string | null | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.studioSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { include: { client: { select: { name: true } } } } },
  });
  if (!session || session.expiresAt <= now) return null;
  if (session.expiresAt.getTime() - now.getTime() < RENEW_AFTER_MS) {
    await db.studioSession.update({
      where: { id: session.id },
      data: { expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return {
    userId: session.user.id,
    clientId: session.user.clientId,
    email: session.user.email,
    name: session.user.name,
    clientName: session.user.client.name,
    isOperator: session.user.isOperator,
  };
}

export async function signOut(db: PrismaClient, token: string | null | undefined): Promise<void> {
  if (!token) return;
  await db.studioSession.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
