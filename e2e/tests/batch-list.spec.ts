import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoCredentials } from "./demo-credentials";
import { expectAccessible, keepScreenshot, signIn } from "./studio-helpers";

const SPEC = {
  garment_category_public_id: "01KDVDNA00ZKRRMS30Q0DXB47N",
  color: "navy",
  material: "cotton",
  pattern: "solid",
  resolution: "0.5K",
  eval_enabled: false,
} as const;
// The server under test offers a model that always fails (STUDIO_FAILING_IMAGE_MODEL): its rows
// end FAILURE at once and are refunded, so a batch of them costs nothing and finishes fast.
const FAILING = { image_model: "test-always-fails", on_technical_failure: "fail" } as const;
const PAGE_SIZE = 20;

async function postFailingBatch(request: APIRequestContext, seed: number): Promise<string> {
  const response = await request.post("/v1/batches", {
    headers: { authorization: `Bearer ${demoCredentials().api_key}` },
    data: { items: [{ ...SPEC, ...FAILING, seed, sku: `FAIL-${seed}` }] },
  });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { batch_id: string }).batch_id;
}

test.describe("The batches list", () => {
  test("shows the client's batches newest first with counts and credits, pages by cursor and opens each", async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    // More than a page of batches: 21 that fail and are refunded, then one dispatched in the Studio.
    const failing: string[] = [];
    for (let seed = 0; seed <= PAGE_SIZE; seed++)
      failing.push(await postFailingBatch(request, seed));

    await signIn(page);
    await page.goto("/batches/new");
    await page
      .getByLabel("Or paste rows, headers first")
      .fill(
        "sku,category,color,material,pattern\nLIST-1,Shirt,navy,linen,solid\nLIST-2,Jeans,ecru,denim,solid\n",
      );
    await page.getByRole("button", { name: "Use pasted rows" }).click();
    await page.getByRole("button", { name: "Dispatch 2 rows" }).click();
    await expect(page).toHaveURL(/\/batches\/[0-9A-HJKMNP-TV-Z]{26}$/, { timeout: 30_000 });
    const dispatched = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByTestId("batch-state")).toHaveText("Finished: 2 done, 0 failed.", {
      timeout: 180_000,
    });

    await page.getByRole("link", { name: "Batches", exact: true }).click();
    await expect(page).toHaveURL(/\/batches$/);
    const rows = page.getByTestId("batch-list").locator("tbody tr");
    await expect(rows).toHaveCount(PAGE_SIZE);
    // Newest first: the Studio's batch, then the failing ones from the last created back.
    await expect(rows.first()).toHaveAttribute("data-batch", dispatched);
    const ours = rows.first();
    await expect(ours.getByTestId("list-item-count")).toHaveText("2");
    await expect(ours.getByTestId("list-count-SUCCESS")).toHaveText("2");
    await expect(ours.getByTestId("list-count-FAILURE")).toHaveText("0");
    await expect(ours.getByTestId("list-charged")).toHaveText("10");
    await expect(ours.getByTestId("list-refunded")).toHaveText("0");
    await expect(ours.getByTestId("list-state")).toHaveText("Finished");
    await expect(rows.nth(1)).toHaveAttribute("data-batch", failing.at(-1)!);
    // A failed row is refunded: the list says so once the batch is finished (it polls till then).
    const refunded = page.locator(`tr[data-batch="${failing.at(-1)}"]`);
    await expect(refunded.getByTestId("list-state")).toHaveText("Finished", { timeout: 60_000 });
    await expect(refunded.getByTestId("list-count-FAILURE")).toHaveText("1");
    await expect(refunded.getByTestId("list-charged")).toHaveText("5");
    await expect(refunded.getByTestId("list-refunded")).toHaveText("5");
    await keepScreenshot(page, testInfo, "batch-list");
    await expectAccessible(page, testInfo, "batch-list");

    // The next page starts after this one's last row: the two oldest failing batches are there.
    await page.getByRole("link", { name: "Older batches" }).click();
    await expect(page).toHaveURL(/\/batches\?cursor=/);
    for (const id of failing.slice(0, 2))
      await expect(page.locator(`tr[data-batch="${id}"]`)).toHaveCount(1);
    await expect(page.locator(`tr[data-batch="${dispatched}"]`)).toHaveCount(0);
    await page.getByRole("link", { name: "Newest batches" }).click();
    await expect(page).toHaveURL(/\/batches$/);

    await page.locator(`tr[data-batch="${dispatched}"]`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/batches/${dispatched}$`));
    await expect(page.getByRole("heading", { name: "Batch of 2 products" })).toBeVisible();
  });

  test("is rendered on the server: the first page is in the HTML", async ({ page }) => {
    await signIn(page);
    const html = await (await page.request.get("/batches")).text();
    expect(html).toContain('data-testid="batch-list"');
    expect(html).toContain("New batch");
  });
});
