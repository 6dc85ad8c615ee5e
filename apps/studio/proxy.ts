import { NextResponse, type NextRequest } from "next/server";

// The server's SESSION_COOKIE (@garment/server), repeated here so the proxy bundles nothing of
// the server. The proxy only checks that a session cookie is present, to send a signed-out
// visitor to sign in and back to the page they asked for; the Studio layout validates it.
const SESSION_COOKIE = "gs_session";

export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: [
    "/generate",
    "/jobs/:path*",
    "/batches",
    "/batches/:path*",
    "/history",
    "/catalog",
    "/account",
    "/operator",
  ],
};
