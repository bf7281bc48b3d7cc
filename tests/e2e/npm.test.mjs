// The packed npm package as users meet it: a React app built with Vite and a plain ESM
// page with no bundler. Each: sign up, see the name, reload and still be signed in,
// sign out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, uniqueEmail, PASSWORD, SERVER_URL } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const [app, path] of [["React app built with Vite", "/react/"], ["plain ESM page", "/plain/"]]) {
  test(`${app}: sign up, see the name, reload, sign out`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(err));
    await page.goto(`${SERVER_URL}${path}`);
    const status = page.locator("#status");
    await status.filter({ hasText: "Signed out" }).waitFor();

    const name = `Ada ${app.split(" ")[0]}`;
    await page.fill("input[name=name]", name);
    await page.fill("input[name=email]", uniqueEmail("npm"));
    await page.fill("input[name=password]", PASSWORD);
    await page.click("#sign-up button");
    await status.filter({ hasText: `Signed in as ${name}` }).waitFor({ timeout: 5000 });

    await page.reload();
    await status.filter({ hasText: `Signed in as ${name}` }).waitFor({ timeout: 5000 });

    await page.click("#sign-out");
    await status.filter({ hasText: "Signed out" }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
