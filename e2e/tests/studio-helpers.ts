import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { demoCredentials, demoStylist } from "./demo-credentials";

/** Signs in on the sign-in page (already there when `returnTo` is given) and lands back. */
export async function signIn(page: Page, returnTo?: string): Promise<void> {
  const { email, password } = demoStylist();
  if (!returnTo) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Password hashing (argon2id) takes seconds on a loaded machine.
  await expect(page).toHaveURL(new RegExp(`${returnTo ?? "/generate"}$`), { timeout: 30_000 });
}

/** Axe on the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Screenshots of each main page, kept with the test results. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Fills the spec form's required fields (product: a camel wool T-shirt unless told). */
export async function fillSpec(page: Page, spec: { color?: string; seed?: string } = {}) {
  await page.getByLabel("Search categories").fill("t-sh");
  await page.getByText("T-shirt", { exact: true }).click();
  await page.getByLabel("Color", { exact: true }).fill(spec.color ?? "camel");
  await page.getByLabel("Material").fill("wool");
  await page.getByLabel("Pattern").fill("solid");
  await page.getByText("Advanced: image model").click();
  await page.getByLabel("Resolution").selectOption("0.5K");
  if (spec.seed !== undefined) await page.getByLabel("Seed", { exact: true }).fill(spec.seed);
}

/** The demo client's live balance, read over REST with its key (not through the page). */
export async function balanceOverRest(request: APIRequestContext): Promise<number> {
  const response = await request.get("/v1/credits", {
    headers: { authorization: `Bearer ${demoCredentials().api_key}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { balance: number }).balance;
}
