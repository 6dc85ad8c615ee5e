import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo-credentials";
import { expectAccessible, fillSpec, keepScreenshot, signIn } from "./studio-helpers";

test.describe("Studio in Chromium", () => {
  test("sign in, submit a spec, watch the job succeed, rerun with a new seed", async ({
    page,
  }, testInfo) => {
    // Two jobs, four pages and axe on each: minutes when the machine is loaded.
    test.setTimeout(300_000);
    await page.goto("/history");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory$/);
    await keepScreenshot(page, testInfo, "sign-in");
    await expectAccessible(page, testInfo, "sign-in");
    await signIn(page, "/history");
    await page.getByRole("link", { name: "New garment" }).click();
    await expect(page).toHaveURL(/\/generate$/);

    await fillSpec(page, { seed: "42" });
    await expect(page.getByText(/Recognised as .+ \(#[0-9a-f]{6}\)/)).toBeVisible();
    await expect(page.getByTestId("price")).toHaveText("5 credits");
    const before = Number(await page.getByTestId("balance-after").textContent()) + 5;
    await keepScreenshot(page, testInfo, "generate");
    await expectAccessible(page, testInfo, "generate");
    await page.getByRole("button", { name: "Generate complement" }).click();

    await expect(page).toHaveURL(/\/jobs\/[0-9A-HJKMNP-TV-Z]{26}/);
    const firstJob = page.url();
    await expect(page.getByTestId("charged")).toContainText(`balance now ${before - 5}`);
    await expect(page.getByTestId("result-image")).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-step="done"]')).toHaveAttribute("data-state", "done");
    await expect(page.getByText("Done", { exact: true })).toBeVisible();
    await expect(page.getByTestId("rationale").locator("li").first()).toBeVisible();
    await expect(page.getByTestId("attempts")).toContainText(/eval passed/);
    await expect(page.getByTestId("attempts")).toContainText("seed 42");
    await keepScreenshot(page, testInfo, "job-success");
    await expectAccessible(page, testInfo, "job");

    await page.getByRole("button", { name: "Same spec, new seed" }).click();
    await expect(page).not.toHaveURL(firstJob);
    await expect(page).toHaveURL(/\/jobs\//);
    await expect(page.getByTestId("result-image")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("attempts")).not.toContainText("seed 42 ");

    const secondJob = page.url();
    await page.getByRole("link", { name: "History" }).click();
    const list = page.getByTestId("history-list");
    for (const url of [firstJob, secondJob]) {
      await expect(list.locator(`a[href="${new URL(url).pathname}"]`)).toBeVisible();
    }
    await page.getByLabel("Status").selectOption("FAILURE");
    await expect(page).toHaveURL(/status=FAILURE/);
    // Other specs may leave failed jobs of the demo client: the filter must drop these two.
    for (const url of [firstJob, secondJob]) {
      await expect(list.locator(`a[href="${new URL(url).pathname}"]`)).toHaveCount(0);
    }
    await page.goBack();
    await expect(list.locator(`a[href="${new URL(firstJob).pathname}"]`)).toBeVisible();
    await keepScreenshot(page, testInfo, "history");
    await expectAccessible(page, testInfo, "history");

    await page.getByRole("link", { name: "Catalog" }).click();
    const catalog = page.getByTestId("catalog-list");
    await expect(catalog.locator(`a[href="${new URL(secondJob).pathname}"]`)).toBeVisible();
    await keepScreenshot(page, testInfo, "catalog");
    await expectAccessible(page, testInfo, "catalog");
  });

  test("a failing model ends the job FAILURE and says the credits were refunded", async ({
    page,
  }, testInfo) => {
    await signIn(page);
    await fillSpec(page);
    await page.getByLabel("Image model").selectOption({ label: "Always fails (test model)" });
    await page.getByLabel("When the model fails").selectOption("fail");
    const balance = Number(await page.getByTestId("balance-after").textContent()) + 5;
    await page.getByRole("button", { name: "Generate complement" }).click();
    await expect(page).toHaveURL(/\/jobs\//);
    await expect(page.getByTestId("failure")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("refund")).toHaveText("5 credits were refunded to your balance.");
    await expect(page.getByText("Failed", { exact: true })).toBeVisible();
    await expect(page.getByTestId("balance")).toHaveText(`${balance} credits`);
    await keepScreenshot(page, testInfo, "job-failure");
  });

  test("the server's 422 marks the field on the form", async ({ page }, testInfo) => {
    await signIn(page);
    // Passes the shared schema (any non-empty text) but the engine cannot read it as a color.
    await fillSpec(page, { color: "zzqx-not-a-colour" });
    await expect(page.getByText(/Not recognised yet/)).toBeVisible();
    await page.getByRole("button", { name: "Generate complement" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page.getByLabel("Color", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#color-error")).not.toBeEmpty();
    await expect(page).toHaveURL(/\/generate$/);
    await keepScreenshot(page, testInfo, "generate-422");
    // The same page on a phone: one column, nothing cut off.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await keepScreenshot(page, testInfo, "generate-mobile");

    // The shared schema also checks on the client, before anything is sent.
    await page.getByLabel("Metadata (JSON object)").fill("{ not json");
    await expect(page.locator("#metadata-error")).toContainText("Not valid JSON");
  });

  test("create an API key (shown once) and revoke it", async ({ page, request }, testInfo) => {
    await signIn(page);
    await page.getByRole("link", { name: "Credits & keys" }).click();
    await expect(page.getByTestId("credits-balance")).toBeVisible();
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("e2e key");
    await dialog.getByLabel(/Test \(isolated/).check();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = (await dialog.getByTestId("new-api-key").textContent()) ?? "";
    expect(key).toMatch(/^sk_test_/);
    const headers = { Authorization: `Bearer ${key}` };
    expect((await request.get("/v1/credits", { headers })).status()).toBe(200);
    await dialog.getByRole("button", { name: "Done" }).click();
    await keepScreenshot(page, testInfo, "account");
    await expectAccessible(page, testInfo, "account");

    await page.getByRole("button", { name: "Revoke e2e key" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    const row = page.locator("tr", { hasText: "e2e key" });
    await expect(row.getByTestId("revoked")).toBeVisible();
    expect((await request.get("/v1/credits", { headers })).status()).toBe(401);
    // The demo key still works: revoking one key touches no other.
    const demo = { Authorization: `Bearer ${demoCredentials().api_key}` };
    expect((await request.get("/v1/credits", { headers: demo })).status()).toBe(200);
  });
});
