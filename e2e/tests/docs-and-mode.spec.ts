import { expect, test, type Request } from "@playwright/test";
import { demoCredentials } from "./demo-credentials";
import { expectAccessible, fillSpec, keepScreenshot, signIn } from "./studio-helpers";

test.describe("API docs offline, and the test-mode switch", () => {
  test("every page is sent with the security headers (no framing, no sniffing)", async ({
    request,
  }) => {
    for (const path of ["/", "/sign-in", "/docs/api", "/v1/operations"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect({ path, csp: headers["content-security-policy"] }).toEqual({
        path,
        csp: "frame-ancestors 'none'",
      });
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  test("the landing page links to the API reference, which asks nothing of another host", async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL!).origin;
    const outside: string[] = [];
    const note = (request: Request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith("http") && url.origin !== origin) outside.push(request.url());
    };
    page.on("request", note);
    // Nothing leaves this machine even if the viewer tries: every outside request is refused.
    await page.route(
      (url) => url.protocol.startsWith("http") && url.origin !== origin,
      (route) => route.abort(),
    );

    await page.goto("/");
    await page.getByRole("link", { name: "API reference" }).first().click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { name: "Garment Studio API" }).first()).toBeVisible({
      timeout: 90_000,
    });
    // Every group once: the outgoing webhook sits in the "Webhooks" tag, not in a second group.
    const sidebar = page.getByRole("complementary");
    await expect(sidebar.getByText("Webhooks", { exact: true })).toHaveCount(1);
    await sidebar.getByText("Webhooks", { exact: true }).click();
    await expect(sidebar.getByText(/A job reached/)).toBeVisible();
    await page.waitForLoadState("networkidle");
    // No AI agent, no developer toolbar (deploy, SDK generators).
    await expect(page.getByRole("button", { name: /ask ai|agent/i })).toHaveCount(0);
    await expect(page.getByText(/generate sdks?/i)).toHaveCount(0);
    await expect(page.getByText(/deploy/i)).toHaveCount(0);
    await keepScreenshot(page, testInfo, "api-docs");
    expect(outside).toEqual([]);
  });

  test("a stylist switches to test mode: every page says so, and only test credits move", async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const { api_key, test_api_key } = demoCredentials();
    const balanceOf = async (key: string) =>
      (
        (await (
          await request.get("/v1/credits", { headers: { Authorization: `Bearer ${key}` } })
        ).json()) as { balance: number }
      ).balance;
    const live = await balanceOf(api_key);
    const testBefore = await balanceOf(test_api_key);

    await signIn(page);
    const badge = page.getByTestId("mode-badge");
    await expect(badge).toHaveText("Live");
    await expect(page.getByTestId("balance")).toHaveText(`${live} credits`);
    const toggle = page.getByRole("switch", { name: "Test mode" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(badge).toHaveText("Test data");
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(page.getByTestId("balance")).toHaveText(`${testBefore} credits`);
    await keepScreenshot(page, testInfo, "test-mode");
    await expectAccessible(page, testInfo, "test-mode");

    await fillSpec(page);
    await page.getByRole("button", { name: "Generate complement" }).click();
    await expect(page).toHaveURL(/\/jobs\//, { timeout: 30_000 });
    await expect(page.getByTestId("result-image")).toBeVisible({ timeout: 60_000 });
    for (const path of ["/history", "/catalog", "/account"]) {
      await page.goto(path);
      await expect(page.getByTestId("mode-badge"), path).toHaveText("Test data");
    }
    // The credits page charts the test spend (from the ledger, in this mode only).
    await expect(page.getByTestId("activity-summary")).toContainText(
      /Last 24 hours: 5 credits spent/,
    );
    await expect(
      page.getByTestId("activity-chart").locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await keepScreenshot(page, testInfo, "credits-chart");
    expect(await balanceOf(test_api_key)).toBe(testBefore - 5);
    expect(await balanceOf(api_key)).toBe(live);

    await page.getByRole("switch", { name: "Test mode" }).click();
    await expect(badge).toHaveText("Live");
    await expect(page.getByTestId("balance")).toHaveText(`${live} credits`);
  });
});
