// Social sign-in and account linking, the whole round trip: Better Auth's generic OAuth
// plugin with a local OpenID Connect provider (test-server/oidc-provider.mjs, started by
// scripts/with-test-server.sh on 127.0.0.1). The page calls this package's
// signIn.social / linkSocial, the default fetch plugin goes to the provider, the test
// signs in and consents there as a user would, and the provider sends the browser back
// through Better Auth's callback to the app's page, where the store shows the user.
// (Better Auth 1.7 serves generic providers through signIn.social and linkSocial; its
// older signIn.oauth2 route is gone.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPages, uniqueEmail, PASSWORD, SERVER_URL } from "./browser.mjs";

const OIDC_URL = process.env.BA_TEST_OIDC_URL;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Signs in at the provider's development pages as `login`, consents, and waits until
 * the browser is back at `landing` (a path of the test server). */
async function throughProvider(page, login, landing) {
  await page.waitForURL((url) => url.href.startsWith(OIDC_URL));
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', "any password: the provider's test pages take any");
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.href.startsWith(OIDC_URL) && url.pathname.startsWith("/interaction/"));
  await page.click('button[type="submit"]'); // consent
  await page.waitForURL((url) => url.href === `${SERVER_URL}${landing}`);
  await page.waitForFunction(() => window.e2eReady === true);
}

/** The store's first settled state on this page, and the user's linked providers. */
function sessionOnPage(page) {
  return page.evaluate(async () => {
    const client = createAuthClient({ baseURL: location.origin });
    const state = await new Promise((resolve) => client.useSession.subscribe((s) => !s.isPending && resolve(s)));
    const accounts = await client.listAccounts();
    return {
      email: state.data?.user.email ?? null,
      name: state.data?.user.name ?? null,
      providers: (accounts.data ?? []).map((a) => a.providerId).sort(),
    };
  });
}

test("signIn.social with a generic OAuth provider: provider, consent, callback, and the store has the user", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  const email = uniqueEmail("oidc-signin");
  const started = page.evaluate(() =>
    createAuthClient({ baseURL: location.origin }).signIn.social({ provider: "local-oidc", callbackURL: "/store.html?signed-in" }),
  );
  // The page navigates away while the call resolves: its promise may never settle here.
  started.catch(() => {});
  await throughProvider(page, email, "/store.html?signed-in");
  assert.deepEqual(await sessionOnPage(page), {
    email,
    name: `OIDC ${email.split("@")[0]}`,
    providers: ["local-oidc"],
  });
  await context.close();
});

test("linkSocial with a generic OAuth provider links the account to the signed-in user", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  const email = uniqueEmail("oidc-link");
  const before = await page.evaluate(async ({ email, password }) => {
    const client = createAuthClient({ baseURL: location.origin });
    await client.signUp.email({ email, password, name: "Link Owner" });
    const accounts = await client.listAccounts();
    // Without following it: the provider's URL comes back.
    const url = await client.linkSocial({ provider: "local-oidc", callbackURL: "/store.html?linked", disableRedirect: true });
    return { providers: accounts.data.map((a) => a.providerId), redirect: url.data?.redirect, url: url.data?.url };
  }, { email, password: PASSWORD });
  assert.deepEqual(before.providers, ["credential"]);
  assert.equal(before.redirect, false);
  assert.ok(before.url.startsWith(`${OIDC_URL}/auth?`), before.url);
  const started = page.evaluate(() =>
    createAuthClient({ baseURL: location.origin }).linkSocial({ provider: "local-oidc", callbackURL: "/store.html?linked" }),
  );
  started.catch(() => {});
  await throughProvider(page, email, "/store.html?linked");
  assert.deepEqual(await sessionOnPage(page), {
    email,
    name: "Link Owner",
    providers: ["credential", "local-oidc"],
  });
  await context.close();
});
