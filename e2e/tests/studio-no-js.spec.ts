import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoCredentials } from "./demo-credentials";
import { signIn } from "./studio-helpers";

// The Studio's forms post to server actions: with JavaScript off, the browser posts the form and
// the server answers with the next page (the job) or the form again, marked.
test.use({ javaScriptEnabled: false });

async function liveBalance(request: APIRequestContext): Promise<number> {
  const headers = { authorization: `Bearer ${demoCredentials().api_key}` };
  const response = await request.get("/v1/credits", { headers });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: number }).balance;
}

test.describe("Studio without JavaScript", () => {
  test("the spec form shows the server's errors in place, then dispatches and charges", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await signIn(page);
    const before = await liveBalance(request);

    // Served with its options: the categories are in the HTML, not fetched by a script.
    await expect(page.getByText("T-shirt", { exact: true })).toBeVisible();
    await page.getByLabel("Color", { exact: true }).fill("zzqx-not-a-colour");
    await page.getByLabel("Material").fill("wool");
    await page.getByRole("button", { name: "Generate complement" }).click();

    // The form again, from the server: the fields it refused marked, the values kept.
    await expect(page).toHaveURL(/\/generate$/);
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page.locator("#garment_category_public_id-error")).toHaveText(
      "Choose a category.",
    );
    await expect(page.getByLabel("Pattern")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#pattern-error")).not.toBeEmpty();
    await expect(page.getByLabel("Color", { exact: true })).toHaveValue("zzqx-not-a-colour");
    await expect(page.getByLabel("Material")).toHaveValue("wool");
    expect(await liveBalance(request)).toBe(before);

    await page.getByText("T-shirt", { exact: true }).click();
    await page.getByLabel("Color", { exact: true }).fill("camel");
    await page.getByLabel("Pattern").fill("solid");
    await page.getByText("Advanced: image model").click();
    await page.getByLabel("Resolution").selectOption("0.5K");
    await page.getByRole("button", { name: "Generate complement" }).click();

    await expect(page).toHaveURL(/\/jobs\/[0-9A-HJKMNP-TV-Z]{26}\?charged=5$/);
    // Rendered by the server, balance included: it is the one after the debit.
    await expect(page.getByTestId("charged")).toHaveText(
      `Charged 5 credits · balance now ${before - 5}.`,
    );
    expect(await liveBalance(request)).toBe(before - 5);

    // "Edit and rerun" (/generate?from=<job>): the form comes filled with the job's request,
    // rendered by the server.
    const jobId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await page.goto(`/generate?from=${jobId}`);
    await expect(page.getByLabel("Color", { exact: true })).toHaveValue("camel");
    await expect(page.getByLabel("Pattern")).toHaveValue("solid");
    await expect(page.getByRole("radio", { name: "T-shirt" })).toBeChecked();
  });
});
