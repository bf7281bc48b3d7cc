// The demo page in its main states, with a screenshot of each (target/demo-screenshots/)
// and its key text checked: signed out, signed in with the sessions list, a second
// device listed and revoked, two tabs in step on sign-out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launch, uniqueEmail, PASSWORD, SERVER_URL } from "./browser.mjs";

const shots = new URL("../../target/demo-screenshots/", import.meta.url).pathname;
let browser;
before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function shot(page, name, ...texts) {
  for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor({ timeout: 5000 });
  await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
}

test("demo: signed out, signed in, sessions, two tabs in step", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err));
  await page.goto(`${SERVER_URL}/demo/`);
  await shot(page, "1-signed-out", "Signed out", "Create account", "Requests made by this page");

  const email = uniqueEmail("demo");
  await page.fill("#sign-up-form input[name=name]", "Demo User");
  await page.fill("#sign-up-form input[name=email]", email);
  await page.fill("#sign-up-form input[name=password]", PASSWORD);
  await page.click("#sign-up-form button");
  await shot(page, "2-signed-in", "Signed in as Demo User", "This device", "1 active session", "Last read: mutation");
  // Devices are named in words, not by their raw user-agent string.
  const device = await page.textContent("#device-list");
  assert.match(device, /Chrome \(headless\) on Linux/);
  assert.doesNotMatch(device, /Mozilla\/5\.0/);

  // Another device signs in: after a refetch, the list shows two, one revocable.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`${SERVER_URL}/demo/`);
  await otherPage.fill("#sign-in-form input[name=email]", email);
  await otherPage.fill("#sign-in-form input[name=password]", PASSWORD);
  await otherPage.click("#sign-in-form button");
  await otherPage.getByText("Signed in as Demo User").waitFor();
  await page.click("#revoke-others");
  await page.getByText("Other sessions revoked.").waitFor();
  await otherPage.click("#refetch");
  await otherPage.getByText("INVALID_TOKEN").waitFor({ timeout: 5000 });
  await shot(otherPage, "3-revoked-elsewhere", "Signed out", "INVALID_TOKEN");

  // Two tabs of one browser stay in step.
  const tab2 = await context.newPage();
  await tab2.goto(`${SERVER_URL}/demo/`);
  await tab2.getByText("Signed in as Demo User").waitFor();
  await tab2.click("#sign-out");
  await shot(page, "4-signed-out-by-other-tab", "Signed out", "Create account");
  const count = Number(await page.textContent("#request-count"));
  assert.ok(count > 0 && count < 20, `requests made: ${count}`);
  assert.deepEqual(errors, []);
  await other.close();
  await context.close();
});
