import { testDatabaseKinds } from "@garment/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClient, createTestRuntime, type TestRuntime } from "../../test/harness";
import { PasswordCheckGate } from "../auth/password-check-gate";
import { PostgresRateLimitStore } from "../auth/rate-limit";
import { clientAddress, SignInThrottle } from "../auth/sign-in-throttle";
import { DEFAULT_SIGN_IN_LIMITS } from "../config/api-settings";
import {
  attemptSignIn,
  signInRefusalMessage,
  type SignInAttempt,
} from "../services/users/attempt-sign-in";
import { createUser } from "../services/users/create-user";

// Attack: guess passwords. Sign-in had no throttle: guesses were unlimited, and each one cost an
// argon2 run (19 MiB, tens of ms of CPU) on libuv's thread pool, so a flood of them also starved
// the process. Failures are now counted per account and per address in the database (every
// instance sees them), hash checks run a few at a time behind a short queue, and the stylist is
// told when to try again.

const from = (address: string) => new Headers({ "x-forwarded-for": address });

function expectThrottled(attempt: SignInAttempt) {
  expect(attempt.outcome).toBe("throttled");
  if (attempt.outcome !== "throttled") throw new Error("unreachable");
  expect(attempt.retryAfterSeconds).toBeGreaterThan(0);
  expect(signInRefusalMessage(attempt)).toMatch(/Try again in \d+ s\.$/);
  return attempt;
}

describe.each(testDatabaseKinds())("sign-in brute force on %s", (kind) => {
  let runtime: TestRuntime;
  let users = 0;
  beforeAll(async () => {
    runtime = await createTestRuntime(kind, {
      signIn: {
        ...DEFAULT_SIGN_IN_LIMITS,
        perAccount: { requests: 5, windowMs: 60_000 },
        perAddress: { requests: 12, windowMs: 60_000 },
      },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  async function stylist() {
    users += 1;
    const client = await createTestClient(runtime, 10);
    const email = `stylist${users}@example.com`;
    await createUser(runtime.db, { clientId: client.client_id, email, password: "right password" });
    return email;
  }

  it("an account takes 5 wrong passwords, then refuses even the right one, from any address", async () => {
    const email = await stylist();
    for (let guess = 0; guess < 5; guess += 1) {
      const attempt = await attemptSignIn(runtime, {
        email,
        password: `guess ${guess}`,
        headers: from(`198.51.100.${guess + 1}`),
      });
      expect(attempt.outcome).toBe("refused");
    }
    const checksBefore = runtime.signIn.passwordChecks.peak;
    const throttled = expectThrottled(
      await attemptSignIn(runtime, {
        email: ` ${email.toUpperCase()}`,
        password: "right password",
        headers: from("203.0.113.99"),
      }),
    );
    // 5 per minute: the next one fits in about 12 s.
    expect(throttled.retryAfterSeconds).toBeGreaterThan(5);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(signInRefusalMessage(throttled)).toBe(
      `Too many sign-in attempts. Try again in ${throttled.retryAfterSeconds} s.`,
    );
    expect(runtime.signIn.passwordChecks.peak).toBe(checksBefore);
    // Another account is not affected.
    const other = await stylist();
    const signedIn = await attemptSignIn(runtime, {
      email: other,
      password: "right password",
      headers: from("203.0.113.99"),
    });
    expect(signedIn.outcome).toBe("signed-in");
  });

  it("a locked account's refusals check no password, so they do not charge the address", async () => {
    const locked = await stylist();
    for (let guess = 0; guess < 5; guess += 1) {
      await attemptSignIn(runtime, {
        email: locked,
        password: `guess ${guess}`,
        headers: from(`198.51.100.${guess + 60}`),
      });
    }
    // A colleague behind the same office address retries the locked account past the
    // address's 12 attempts: each refusal is the account's, and checks nothing.
    const office = from("192.0.2.120");
    const peak = runtime.signIn.passwordChecks.peak;
    for (let retry = 0; retry < 13; retry += 1) {
      expectThrottled(
        await attemptSignIn(runtime, {
          email: locked,
          password: "right password",
          headers: office,
        }),
      );
    }
    expect(runtime.signIn.passwordChecks.peak).toBe(peak);
    // Everyone else behind that address still signs in.
    const signedIn = await attemptSignIn(runtime, {
      email: await stylist(),
      password: "right password",
      headers: office,
    });
    expect(signedIn.outcome).toBe("signed-in");
  });

  it("unknown emails are throttled alike (no enumeration by the throttle)", async () => {
    for (let guess = 0; guess < 5; guess += 1) {
      await attemptSignIn(runtime, {
        email: "nobody@example.com",
        password: "x",
        headers: from(`198.51.100.${guess + 20}`),
      });
    }
    expectThrottled(
      await attemptSignIn(runtime, {
        email: "nobody@example.com",
        password: "x",
        headers: from("198.51.100.40"),
      }),
    );
  });

  it("one address spraying many accounts is refused after 12 failures", async () => {
    const address = from("192.0.2.77");
    for (let guess = 0; guess < 12; guess += 1) {
      const attempt = await attemptSignIn(runtime, {
        email: `spray${guess}@example.com`,
        password: "Winter2026!",
        headers: address,
      });
      expect(attempt.outcome).toBe("refused");
    }
    expectThrottled(
      await attemptSignIn(runtime, {
        email: await stylist(),
        password: "right password",
        headers: address,
      }),
    );
    // An IPv6 client counts by its /64: rotating the interface id buys nothing.
    for (let guess = 0; guess < 12; guess += 1) {
      await attemptSignIn(runtime, {
        email: `v6-${guess}@example.com`,
        password: "x",
        headers: from(`2001:db8:1:2::${(guess + 1).toString(16)}`),
      });
    }
    expectThrottled(
      await attemptSignIn(runtime, {
        email: "v6-last@example.com",
        password: "x",
        headers: from("2001:db8:1:2:ffff::1"),
      }),
    );
  });

  it("successes do not count: a stylist signs in 20 times in a row", async () => {
    const email = await stylist();
    for (let time = 0; time < 20; time += 1) {
      const attempt = await attemptSignIn(runtime, {
        email,
        password: "right password",
        headers: from("192.0.2.200"),
      });
      expect(attempt.outcome).toBe("signed-in");
    }
  });

  it("the counts live in the database: another instance sees them", async () => {
    const email = await stylist();
    for (let guess = 0; guess < 5; guess += 1) {
      await attemptSignIn(runtime, { email, password: "wrong", headers: from("192.0.2.9") });
    }
    // A second instance: its own throttle object, the same database.
    const elsewhere = new SignInThrottle(
      new PostgresRateLimitStore(runtime.db),
      runtime.settings.signIn,
    );
    const decision = await elsewhere.admit({ email, address: "192.0.2.10" });
    expect(decision.allowed).toBe(false);
    expect(
      await runtime.db.rateLimitBucket.count({ where: { key: { startsWith: "sign-in:" } } }),
    ).toBeGreaterThan(0);
  });

  it("text the database cannot store is refused without a query or a hash", async () => {
    const peak = runtime.signIn.passwordChecks.peak;
    const attempt = await attemptSignIn(runtime, {
      email: "a\u0000@example.com",
      password: "x",
      headers: from("192.0.2.50"),
    });
    expect(attempt.outcome).toBe("refused");
    const huge = await attemptSignIn(runtime, {
      email: "b@example.com",
      password: "x".repeat(1_000_000),
      headers: from("192.0.2.50"),
    });
    expect(huge.outcome).toBe("refused");
    expect(runtime.signIn.passwordChecks.peak).toBe(peak);
  });
});

describe("sign-in flood", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime("pglite", {
      signIn: { ...DEFAULT_SIGN_IN_LIMITS, maxConcurrentChecks: 2, maxWaitingChecks: 1 },
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("40 concurrent sign-ins run at most 2 hash checks at once; past the queue, 'try again'", async () => {
    const client = await createTestClient(runtime, 10);
    await createUser(runtime.db, {
      clientId: client.client_id,
      email: "flood@example.com",
      password: "right password",
    });
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        attemptSignIn(runtime, {
          email: `flood${index}@example.com`,
          password: "guess",
          headers: from(`198.51.100.${index + 1}`),
        }),
      ),
    );
    expect(runtime.signIn.passwordChecks.peak).toBe(2);
    const busy = attempts.filter((a) => a.outcome === "throttled");
    expect(busy.length).toBeGreaterThan(0);
    for (const attempt of busy) {
      expect(signInRefusalMessage(expectThrottled(attempt))).toMatch(/^Sign-in is busy\./);
    }
    // Turned away unchecked is not a failure: the account can still sign in at once.
    const signedIn = await attemptSignIn(runtime, {
      email: "flood@example.com",
      password: "right password",
      headers: from("198.51.100.1"),
    });
    expect(signedIn.outcome).toBe("signed-in");
  });
});

describe("PasswordCheckGate", () => {
  it("never runs more than its bound and refuses past its queue", async () => {
    const gate = new PasswordCheckGate(2, 1);
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const check = () =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
        return true;
      });
    const results = [check(), check(), check(), check()];
    expect(await results[3]).toBeNull(); // two running, one waiting: the fourth is refused
    while (release.length > 0 || running > 0) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await Promise.all(results.slice(0, 3))).every((r) => r?.value === true)).toBe(true);
    expect(most).toBe(2);
    expect(gate.peak).toBe(2);
  });
});

describe("clientAddress", () => {
  it("takes the entry the trusted proxies appended, from the right", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" }), 1)).toBe(
      "192.0.2.1",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "2001:db8:a:b:c:d:e:f" }), 1)).toBe(
      "2001:db8:a:b::/64",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "not an address" }), 1)).toBe("unknown");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});
