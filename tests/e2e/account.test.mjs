// The account flows beyond session reads, through the npm package's path proxy in
// Chromium against the real server (mail read from the test server's in-memory
// mailbox): updateUser, changePassword with revokeOtherSessions, changeEmail,
// requestPasswordReset and resetPassword, sendVerificationEmail and verifyEmail,
// listAccounts, deleteUser; each checked by what the server and the store then show.
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

async function page() {
  const context = await browser.newContext();
  const [first] = await openPages(context, 1);
  return { context, page: first };
}

/** The last mail the test server "sent" to `email`. */
async function lastMail(email) {
  const mails = await (await fetch(`${SERVER_URL}/__test/mail?to=${encodeURIComponent(email)}`)).json();
  return mails.at(-1);
}

test("changePassword with revokeOtherSessions: wrong current password refused, other devices signed out", async () => {
  const { context, page: tab } = await page();
  const email = uniqueEmail("js-password");
  const result = await tab.evaluate(async ({ email, password }) => {
    const client = createAuthClient({ baseURL: location.origin });
    await client.signUp.email({ email, password, name: "Js Password" });
    // Another device: a session this page's cookie jar does not hold.
    await fetch("/api/auth/sign-in/email", {
      method: "POST",
      credentials: "omit",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const before = (await client.listSessions()).data.length;
    const wrong = await client.changePassword({ currentPassword: "nope-nope-nope", newPassword: "new-horse-battery" });
    const right = await client.changePassword({
      currentPassword: password,
      newPassword: "new-horse-battery",
      revokeOtherSessions: true,
    });
    const after = (await client.listSessions()).data;
    await client.signOut();
    const oldPassword = await client.signIn.email({ email, password });
    const newPassword = await client.signIn.email({ email, password: "new-horse-battery" });
    return {
      before,
      wrong: wrong.error?.code,
      right: right.error,
      after: after.map((s) => s.current),
      oldPassword: oldPassword.error?.code,
      newPassword: newPassword.error,
      signedIn: client.useSession.get().data?.user.email ?? (await client.getSession()).data?.user.email,
    };
  }, { email, password: PASSWORD });
  assert.deepEqual(result, {
    before: 2,
    wrong: "INVALID_PASSWORD",
    right: null,
    after: [true],
    oldPassword: "INVALID_EMAIL_OR_PASSWORD",
    newPassword: null,
    signedIn: email,
  });
  await context.close();
});

test("requestPasswordReset and resetPassword with the mailed token", async () => {
  const { context, page: tab } = await page();
  const email = uniqueEmail("js-reset");
  await tab.evaluate(async ({ email, password }) => {
    const client = createAuthClient({ baseURL: location.origin });
    await client.signUp.email({ email, password, name: "Js Reset" });
    await client.signOut();
    window.requested = await client.requestPasswordReset({ email, redirectTo: "/reset" });
  }, { email, password: PASSWORD });
  const mail = await lastMail(email);
  assert.equal(mail?.kind, "reset-password");
  const result = await tab.evaluate(async ({ email, token }) => {
    const client = createAuthClient({ baseURL: location.origin });
    const reset = await client.resetPassword({ newPassword: "reset-horse-battery", token });
    const again = await client.resetPassword({ newPassword: "other-horse-battery", token });
    const signIn = await client.signIn.email({ email, password: "reset-horse-battery" });
    await client.signOut();
    return { requested: window.requested.error, reset: reset.error, again: again.error?.code, signIn: signIn.error };
  }, { email, token: mail.token });
  assert.deepEqual(result, { requested: null, reset: null, again: "INVALID_TOKEN", signIn: null });
  await context.close();
});

test("sendVerificationEmail and verifyEmail: the store shows the verified user", async () => {
  const { context, page: tab } = await page();
  const email = uniqueEmail("js-verify");
  await tab.evaluate(async ({ email, password }) => {
    window.client = createAuthClient({ baseURL: location.origin });
    window.client.useSession.subscribe(() => {});
    await window.client.signUp.email({ email, password, name: "Js Verify" });
    window.sent = await window.client.sendVerificationEmail({ email, callbackURL: "/" });
  }, { email, password: PASSWORD });
  const mail = await lastMail(email);
  assert.equal(mail?.kind, "verify-email");
  const result = await tab.evaluate(async (token) => {
    const client = window.client;
    const before = client.useSession.get().data?.user.emailVerified;
    const verified = await client.verifyEmail({ query: { token } });
    for (let i = 0; i < 300 && !client.useSession.get().data?.user.emailVerified; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
    }
    return { sent: window.sent.error, before, verified: verified.error, after: client.useSession.get().data?.user.emailVerified };
  }, mail.token);
  assert.deepEqual(result, { sent: null, before: false, verified: null, after: true });
  await context.close();
});

test("changeEmail (confirmed through the mailed link), listAccounts and deleteUser: the store follows, the account is gone", async () => {
  const { context, page: tab } = await page();
  const email = uniqueEmail("js-account");
  const newEmail = uniqueEmail("js-account-new");
  const changed = await tab.evaluate(async ({ email, newEmail, password }) => {
    window.client = createAuthClient({ baseURL: location.origin });
    window.client.useSession.subscribe(() => {});
    window.until = async (check) => {
      for (let i = 0; i < 300 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
      return check();
    };
    await window.client.signUp.email({ email, password, name: "Js Account" });
    return (await window.client.changeEmail({ newEmail, callbackURL: "/" })).error;
  }, { email, newEmail, password: PASSWORD });
  assert.equal(changed, null);
  // Better Auth asks the new address to confirm (the user's email is not verified).
  const mail = await lastMail(newEmail);
  assert.equal(mail?.kind, "verify-email");
  const result = await tab.evaluate(async ({ newEmail, password, token }) => {
    const client = window.client;
    const verified = await client.verifyEmail({ query: { token } });
    const storeFollowed = await window.until(() => client.useSession.get().data?.user.email === newEmail);
    const accounts = await client.listAccounts();
    const deleted = await client.deleteUser({ password });
    const signedOut = await window.until(() => client.useSession.get().data === null);
    const signIn = await client.signIn.email({ email: newEmail, password });
    return {
      verified: verified.error,
      storeFollowed,
      providers: accounts.data?.map((a) => a.providerId),
      deleted: deleted.error,
      signedOut,
      signIn: signIn.error?.code,
    };
  }, { newEmail, password: PASSWORD, token: mail.token });
  assert.deepEqual(result, {
    verified: null,
    storeFollowed: true,
    providers: ["credential"],
    deleted: null,
    signedOut: true,
    signIn: "INVALID_EMAIL_OR_PASSWORD",
  });
  await context.close();
});
