import { expect, test } from "@playwright/test";
import { expectAccessible, fillSpec, keepScreenshot, signIn } from "./studio-helpers";

test.describe("Variants in the Studio", () => {
  test("ask for 2 variants of a finished job, compare them, approve one: the catalog shows only it", async ({
    page,
  }, testInfo) => {
    // Three renders and two pages with axe: minutes when the machine is loaded.
    test.setTimeout(300_000);
    await signIn(page);
    await fillSpec(page, { seed: "7" });
    await page.getByRole("button", { name: "Generate complement" }).click();
    await expect(page).toHaveURL(/\/jobs\/[0-9A-HJKMNP-TV-Z]{26}/);
    await expect(page.getByTestId("result-image")).toBeVisible({ timeout: 60_000 });
    const rootJobId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

    await page.getByLabel("Number of variants").selectOption("2");
    await expect(page.getByTestId("variants-price")).toContainText("2 × 5 = 10 credits");
    await page.getByRole("button", { name: "Ask for 2 variants" }).click();

    const compare = page.getByTestId("variants-compare");
    const tiles = compare.locator("li");
    await expect(tiles).toHaveCount(3);
    await expect(tiles.first()).toHaveAttribute("data-job-id", rootJobId);
    // Every tile done and showing its image, side by side.
    await expect(compare.locator('[data-status="SUCCESS"]')).toHaveCount(3, { timeout: 90_000 });
    await expect(compare.locator("img")).toHaveCount(3);
    await keepScreenshot(page, testInfo, "variants-compare");
    await expectAccessible(page, testInfo, "variants-compare");

    const chosen = tiles.nth(1);
    const chosenJobId = (await chosen.getAttribute("data-job-id")) ?? "";
    const otherJobId = (await tiles.nth(2).getAttribute("data-job-id")) ?? "";
    await page.getByRole("button", { name: "Approve Variant 1" }).click();
    await expect(chosen).toHaveAttribute("data-catalog-status", "approved");
    await expect(chosen.getByText("Approved")).toBeVisible();
    await expect(tiles.nth(0)).toHaveAttribute("data-catalog-status", "superseded");
    await expect(tiles.nth(2)).toHaveAttribute("data-catalog-status", "superseded");
    await expect(page.getByRole("button", { name: "Approve Variant 1" })).toHaveCount(0);

    await page.getByRole("link", { name: "Catalog" }).click();
    const catalog = page.getByTestId("catalog-list");
    const approved = catalog.locator(`a[href="/jobs/${chosenJobId}"]`);
    await expect(approved).toBeVisible();
    await expect(approved.getByText("Approved")).toBeVisible();
    for (const jobId of [rootJobId, otherJobId])
      await expect(catalog.locator(`a[href="/jobs/${jobId}"]`)).toHaveCount(0);
    await keepScreenshot(page, testInfo, "catalog-approved");
    await expectAccessible(page, testInfo, "catalog-approved");
  });
});
