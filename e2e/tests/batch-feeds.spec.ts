import { expect, test } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { demoCredentials } from "./demo-credentials";
import { balanceOverRest, expectAccessible, keepScreenshot, signIn } from "./studio-helpers";

/**
 * A Shopify product export as the admin writes it: the product's fields on its first row only,
 * one row per variant below it, an image-only row, and Color as Option1 for one product and
 * Option2 for another. Fabric and pattern come from metafield columns.
 */
const SHOPIFY_EXPORT = [
  "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Price,Image Src,Fabric (product.metafields.custom.fabric),Pattern (product.metafields.custom.pattern)",
  "linen-shirt,Linen Shirt,<p>Airy</p>,Acme,Apparel & Accessories > Clothing > Shirts & Tops,Shirts,summer,TRUE,Size,S,Color,Ecru,,,LS-S-ECRU,59.00,https://cdn.example/ls-1.jpg,linen,solid",
  "linen-shirt,,,,,,,,,M,,Ecru,,,LS-M-ECRU,59.00,,,",
  "linen-shirt,,,,,,,,,L,,Sage,,,LS-L-SAGE,59.00,,,",
  "linen-shirt,,,,,,,,,,,,,,,,https://cdn.example/ls-2.jpg,,",
  "wool-blazer,Wool Blazer,,Acme,Apparel & Accessories > Clothing > Outerwear,Blazers,winter,TRUE,Color,Camel,Size,48,,,WB-CAMEL-48,189.00,https://cdn.example/wb.jpg,wool,herringbone",
  "wool-blazer,,,,,,,,,Navy,,48,,,WB-NAVY-48,189.00,,,",
  "wool-blazer,,,,,,,,,Navy,,50,,,WB-NAVY-50,189.00,,,",
  "selvedge-jeans,Selvedge Jeans,,Acme,Apparel & Accessories > Clothing > Pants > Jeans,,denim,TRUE,Color,Indigo,Size,32,,,SJ-IND-32,120.00,,denim,solid",
].join("\n");

// What each variant becomes: its own sku and option values, the product's fields filled in.
const EXPECTED_ROWS = [
  { sku: "LS-S-ECRU", name: "Linen Shirt", category: "Shirts", color: "Ecru", material: "linen" },
  { sku: "LS-M-ECRU", name: "Linen Shirt", category: "Shirts", color: "Ecru", material: "linen" },
  { sku: "LS-L-SAGE", name: "Linen Shirt", category: "Shirts", color: "Sage", material: "linen" },
  {
    sku: "WB-CAMEL-48",
    name: "Wool Blazer",
    category: "Blazers",
    color: "Camel",
    material: "wool",
  },
  { sku: "WB-NAVY-48", name: "Wool Blazer", category: "Blazers", color: "Navy", material: "wool" },
  { sku: "WB-NAVY-50", name: "Wool Blazer", category: "Blazers", color: "Navy", material: "wool" },
  // No Type: the last segment of Shopify's Product Category names it.
  {
    sku: "SJ-IND-32",
    name: "Selvedge Jeans",
    category: "Jeans",
    color: "Indigo",
    material: "denim",
  },
];

/** `count` valid rows in our own columns, pasted as a spreadsheet would paste them. */
function pastedRows(count: number): string {
  const lines = ["sku,category,color,material,pattern"];
  for (let row = 1; row <= count; row++) lines.push(`BAL-${row},Shirt,navy,linen,solid`);
  return lines.join("\n");
}

test.describe("Batch uploads the unit tests cannot see in a browser", () => {
  test("a Shopify product export becomes one row per variant, options read by name", async ({
    page,
  }, testInfo) => {
    const file = testInfo.outputPath("products_export.csv");
    writeFileSync(file, `${SHOPIFY_EXPORT}\n`);
    await signIn(page);
    await page.goto("/batches/new");
    await page.getByLabel("Upload a CSV file").setInputFiles(file);

    await expect(page.getByTestId("feed-format")).toContainText(
      "a Shopify product export (one row per variant): 7 rows",
    );
    // The options became columns named after them, proposed for the fields they fill.
    await expect(page.locator("#map-color option:checked")).toHaveText(/^Color \(option\)/);
    await expect(page.locator("#map-material option:checked")).toHaveText(/^Fabric/);
    const grid = page.getByTestId("row-grid");
    await expect(grid.locator("tbody tr[data-row]")).toHaveCount(EXPECTED_ROWS.length);
    for (const [index, row] of EXPECTED_ROWS.entries()) {
      const cell = (field: string) => page.getByLabel(`Row ${index + 1} ${field}`, { exact: true });
      await expect(cell("SKU")).toHaveValue(row.sku);
      await expect(cell("Display name")).toHaveValue(row.name);
      await expect(cell("Category")).toHaveValue(row.category);
      await expect(cell("Color")).toHaveValue(row.color);
      await expect(cell("Material")).toHaveValue(row.material);
    }
    await expect(page.getByTestId("bad-row-count")).toHaveText("0");
    await expect(page.getByText("All 7 rows are ready.")).toBeVisible();
    await expect(page.getByTestId("batch-price")).toHaveText("35 credits");
    await expect(page.getByRole("button", { name: "Dispatch 7 rows" })).toBeEnabled();
    await keepScreenshot(page, testInfo, "batch-shopify");
    await expectAccessible(page, testInfo, "batch-shopify");
  });

  test("a batch the balance does not cover shows the shortfall and is refused, in the browser and by the server (402)", async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const price = 5;
    const balance = await balanceOverRest(request);
    // The most rows the balance covers: spending one dispatch's price leaves it short of them.
    const covered = Math.floor(balance / price);
    test.skip(covered < 2, `the demo client has ${balance} credits left`);

    await signIn(page);
    await page.goto("/batches/new");
    const paste = async (rows: number) => {
      await page.getByLabel("Or paste rows, headers first").fill(pastedRows(rows));
      await page.getByRole("button", { name: "Use pasted rows" }).click();
      await expect(page.getByTestId("row-count")).toHaveText(String(rows));
    };

    // One row more than the balance covers: the summary says what is missing; no dispatch.
    await paste(covered + 1);
    const short = (covered + 1) * price - balance;
    await expect(page.getByTestId("shortfall")).toHaveText(
      `The balance is ${short} credits short of this batch.`,
    );
    await expect(page.getByTestId("balance-after")).toHaveText(String(-short));
    await expect(page.getByRole("button", { name: `Dispatch ${covered + 1} rows` })).toBeDisabled();
    await keepScreenshot(page, testInfo, "batch-shortfall");
    await expectAccessible(page, testInfo, "batch-shortfall");

    // Rows the balance covers, as the page last read it; then the balance drops elsewhere (a
    // dispatch over REST with the client's key), so the server is the one to refuse: 402.
    await paste(covered);
    await expect(page.getByTestId("shortfall")).toHaveCount(0);
    const dispatchButton = page.getByRole("button", { name: `Dispatch ${covered} rows` });
    await expect(dispatchButton).toBeEnabled();
    const spent = await request.post("/v1/complementary-garment-generator", {
      headers: { authorization: `Bearer ${demoCredentials().api_key}` },
      data: {
        garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
        color: "navy",
        material: "cotton",
        pattern: "solid",
        resolution: "0.5K",
        eval_enabled: false,
      },
    });
    expect(spent.status()).toBe(202);
    const left = balance - price;
    await dispatchButton.click();
    await expect(page.getByTestId("dispatch-error")).toHaveText(
      `This batch costs ${covered * price} credits; the balance is ${left}, ${covered * price - left} short. Nothing was charged.`,
    );
    await expect(page).toHaveURL(/\/batches\/new$/);
    // The page reads the balance again: the shortfall shows and dispatch stays refused.
    await expect(page.getByTestId("balance-after")).toHaveText(String(left - covered * price));
    await expect(page.getByTestId("shortfall")).toHaveText(
      `The balance is ${covered * price - left} credits short of this batch.`,
    );
    await expect(dispatchButton).toBeDisabled();
    expect(await balanceOverRest(request)).toBe(left);
    await keepScreenshot(page, testInfo, "batch-refused-402");
  });
});
