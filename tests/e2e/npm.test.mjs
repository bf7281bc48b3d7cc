// The packed npm package as users meet it: React, Vue and Svelte apps built with Vite,
// and a plain ESM page with no bundler. Each: sign up, see the name, reload and still be signed in,
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

for (const [app, path] of [
  ["React app built with Vite", "/react/"],
  ["Vue app built with Vite", "/vue/"],
  ["Svelte app built with Vite", "/svelte/"],
  ["plain ESM page", "/plain/"],
]) {
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

test("React: a component reading only data does not render again for refetches of equal data", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${SERVER_URL}/react/`);
  await page.locator("#status").filter({ hasText: "Signed out" }).waitFor();
  await page.fill("input[name=name]", "Renders");
  await page.fill("input[name=email]", uniqueEmail("renders"));
  await page.fill("input[name=password]", PASSWORD);
  await page.click("#sign-up button");
  await page.locator("#user-name").filter({ hasText: "Renders" }).waitFor({ timeout: 5000 });
  const renders = await page.evaluate(async () => {
    const store = window.authClient.useSession;
    const settled = async () => {
      for (let i = 0; i < 300 && (store.get().isRefetching || store.get().isPending); i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await settled();
    await new Promise((r) => setTimeout(r, 200));
    const before = window.userNameRenders;
    for (let i = 0; i < 10; i += 1) {
      store.refetch();
      await new Promise((r) => setTimeout(r, 20));
      await settled();
    }
    await new Promise((r) => setTimeout(r, 100));
    return window.userNameRenders - before;
  });
  console.log(`React renders of a data-only component across 10 equal refetches: ${renders}`);
  assert.equal(renders, 0);
  await context.close();
});
