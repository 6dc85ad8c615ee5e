"use server";

import { attemptSignIn, SESSION_COOKIE, signInRefusalMessage, signOut } from "@garment/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cookieIsSecure } from "~/lib/cookies";
import { safeReturnPath } from "~/lib/return-path";
import { runtime } from "~/lib/runtime";

export interface SignInState {
  error: string | null;
  email: string;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const email = field("email").trim();
  const password = field("password");
  if (!email || !password) return { error: "Enter your email and password.", email };
  const attempt = await attemptSignIn(await runtime(), {
    email,
    password,
    headers: await headers(),
  });
  if (attempt.outcome !== "signed-in") return { error: signInRefusalMessage(attempt), email };
  const { session } = attempt;
  (await cookies()).set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await cookieIsSecure(),
    path: "/",
    expires: session.expiresAt,
  });
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await signOut((await runtime()).db, jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
