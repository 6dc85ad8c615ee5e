import { expect, test, type Page } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { balanceOverRest, expectAccessible, keepScreenshot, signIn } from "./studio-helpers";

const CATEGORIES = ["T-shirts", "Shirt", "Jeans", "Blazer", "Dress"];
const COLORS = ["navy", "camel", "ecru", "olive", "burgundy"];
const MATERIALS = ["cotton", "linen", "denim", "wool", "silk"];

// The three bad rows (1-based): a missing material, an unknown category, a fit the API refuses.
const BAD = { missingMaterial: 5, unknownCategory: 20, badFit: 33 } as const;

/** A 50-row product feed in our own columns, three rows of it bad. */
function productFeed(): string {
  const lines = ["sku,display name,category,color,material,pattern,fit,length"];
  for (let row = 1; row <= 50; row++) {
    const at = (list: readonly string[]) => list[row % list.length] ?? "";
    const material = row === BAD.missingMaterial ? "" : at(MATERIALS);
    const category = row === BAD.unknownCategory ? "Spacesuit" : at(CATEGORIES);
    const fit = row === BAD.badFit ? "baggy" : row % 2 === 0 ? "slim" : "";
    lines.push(
      `SKU-${row},"Look ${row}, spring",${category},${at(COLORS)},${material},solid,${fit},`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Uploads the feed, checks the three bad rows are marked in place, fixes them. */
async function uploadAndFix(page: Page, file: string) {
  await page.goto("/batches/new");
  await page.getByLabel("Upload a CSV file").setInputFiles(file);
  await expect(page.getByTestId("feed-format")).toContainText("our columns: 50 rows");
  await expect(page.getByTestId("bad-row-count")).toHaveText("3");
  await expect(page.getByRole("button", { name: "Dispatch 50 rows" })).toBeDisabled();

  await page.getByLabel(/Only rows with problems/).check();
  const grid = page.getByTestId("row-grid");
  const bad = grid.locator("tr[data-invalid]");
  await expect(bad).toHaveCount(3);
  const problemsOf = (row: number) =>
    grid.locator(`tr[data-row="${row}"] [data-testid="row-problems"]`);
  await expect(problemsOf(BAD.missingMaterial)).toHaveText("Material: Enter a material.");
  await expect(problemsOf(BAD.unknownCategory)).toHaveText(
    "Category: Unknown category “Spacesuit”.",
  );
  await expect(problemsOf(BAD.badFit)).toContainText("Fit:");
  await expect(page.getByLabel(`Row ${BAD.missingMaterial} Material`)).toHaveAttribute(
    "aria-invalid",
    "true",
  );
}

async function fixRows(page: Page) {
  await page.getByLabel(`Row ${BAD.missingMaterial} Material`).fill("cotton");
  await page.getByLabel(`Row ${BAD.unknownCategory} Category`).fill("Shirt");
  await page.getByLabel(`Row ${BAD.badFit} Fit`).fill("regular");
  await expect(page.getByTestId("bad-row-count")).toHaveText("0");
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("batch-exports").getByRole("link", { name }).click(),
  ]);
  return readFileSync(await file.path());
}

/** The finished batch's CSV has every sku's row, and its zip an image named by each sku. */
async function expectExports(page: Page) {
  const csv = (await download(page, "Export CSV")).toString("utf8");
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0] ?? "";
  expect(header).toContain('"sku"');
  expect(header).toContain('"image_url"');
  const zip = await download(page, "Export images (zip)");
  expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  for (let row = 1; row <= 50; row++) {
    expect(csv).toContain(`"SKU-${row}"`);
    // Entry names are stored as plain bytes in the zip's headers.
    expect(zip.includes(`images/SKU-${row}.png`)).toBe(true);
  }
}

test.describe("Batch from a product feed", () => {
  test("upload 50 rows, fix 3 in place, dispatch, watch all finish; exports; the same file again charges nothing", async ({
    page,
  }, testInfo) => {
    // 50 renders on the built-in model (one render slot) plus axe on three pages: about 8 minutes
    // when four engineers share the machine's two cores.
    test.setTimeout(900_000);
    const file = testInfo.outputPath("products.csv");
    writeFileSync(file, productFeed());

    await signIn(page);
    await page.getByRole("link", { name: "Batches", exact: true }).click();
    await expect(page).toHaveURL(/\/batches$/);
    await page.getByRole("link", { name: "New batch" }).click();
    await expect(page).toHaveURL(/\/batches\/new$/);
    await expectAccessible(page, testInfo, "batch-new-empty");

    await uploadAndFix(page, file);
    await keepScreenshot(page, testInfo, "batch-upload-errors");
    await expectAccessible(page, testInfo, "batch-upload-errors");
    await fixRows(page);

    const price = Number((await page.getByTestId("batch-price").textContent())?.replace(/\D/g, ""));
    expect(price).toBe(50 * 5);
    const before = await balanceOverRest(page.request);
    await expect(page.getByTestId("balance-after")).toHaveText(String(before - price));

    await page.getByRole("button", { name: "Dispatch 50 rows" }).click();
    // One statement charges and queues 50 jobs; then the batch page renders: seconds when loaded.
    await expect(page).toHaveURL(/\/batches\/[0-9A-HJKMNP-TV-Z]{26}$/, { timeout: 30_000 });
    const batchUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId("batch-charged")).toHaveText(`${price} credits charged`, {
      timeout: 30_000,
    });
    await expect(page.getByTestId("batch-state")).toHaveText("Finished: 50 done, 0 failed.", {
      timeout: 720_000,
    });
    await expect(page.getByTestId("count-SUCCESS")).toHaveText("50");
    await expect(
      page.getByTestId("batch-grid").locator('tr[data-status="SUCCESS"] img').first(),
    ).toBeVisible();
    expect(await balanceOverRest(page.request)).toBe(before - price);
    await expect(page.getByTestId("balance")).toHaveText(`${before - price} credits`);
    await expectExports(page);
    await keepScreenshot(page, testInfo, "batch-finished");
    await expectAccessible(page, testInfo, "batch-finished");

    // The batches list has it, finished, with what it cost.
    await page.getByRole("link", { name: "Batches", exact: true }).click();
    const listed = page.locator(`tr[data-batch="${batchUrl.split("/").at(-1)}"]`);
    await expect(listed.getByTestId("list-item-count")).toHaveText("50");
    await expect(listed.getByTestId("list-count-SUCCESS")).toHaveText("50");
    await expect(listed.getByTestId("list-charged")).toHaveText(String(price));
    await expect(listed.getByTestId("list-state")).toHaveText("Finished");

    // The same file, fixed the same way: the server answers with the batch it already has.
    await uploadAndFix(page, file);
    await fixRows(page);
    await page.getByRole("button", { name: "Dispatch 50 rows" }).click();
    await expect(page).toHaveURL(new RegExp(`${batchUrl}\\?replayed=1$`), { timeout: 30_000 });
    await expect(page.getByTestId("batch-replayed")).toBeVisible();
    expect(await balanceOverRest(page.request)).toBe(before - price);
  });
});
