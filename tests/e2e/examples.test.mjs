// The Leptos and Yew example apps (examples/), built for wasm, in Chromium against the
// real server: sign in, see the user and this device's session, sign out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPages, uniqueEmail, PASSWORD, SERVER_URL } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const app of ["leptos-app", "yew-app"]) {
  test(`${app}: sign in, see the user and this device, sign out`, async () => {
    const context = await browser.newContext();
    const [setup] = await openPages(context, 1);
    const email = uniqueEmail(app);
    await setup.evaluate(async ({ email, password, name }) => {
      const client = createAuthClient({ baseURL: location.origin });
      await client.signUp.email({ email, password, name });
      await client.signOut();
    }, { email, password: PASSWORD, name: `User of ${app}` });
    await setup.close();

    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(err));
    await page.goto(`${SERVER_URL}/${app}/`);
    const status = page.locator("#status");
    await status.filter({ hasText: "Signed out" }).waitFor({ timeout: 10000 });
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click("#sign-in button");
    await status.filter({ hasText: `Signed in as User of ${app}` }).waitFor({ timeout: 5000 });
    await page.locator("#sessions-note").filter({ hasText: "1 active session" }).waitFor();
    await page.locator("#sessions").filter({ hasText: "This device" }).waitFor();
    await page.click("#sign-out");
    await status.filter({ hasText: "Signed out" }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
