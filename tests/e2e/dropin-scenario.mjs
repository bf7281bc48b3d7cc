// One app's use of an auth client, written against better-auth/client. scripts/e2e.sh
// bundles it twice: as it is (the official client), and with only the import of
// "better-auth/client" swapped for better-auth-wasm. tests/e2e/dropin.test.mjs runs both
// in Chromium against the same real server and compares what the app observes at each
// step: the data's shape, the error's status and code, the session store's state, and
// the requests the call made.
import { createAuthClient } from "better-auth/client";
import {
  inferAdditionalFields,
  multiSessionClient,
  organizationClient,
  twoFactorClient,
} from "better-auth/client/plugins";

/** A value's shape: types for leaves, sorted keys for objects, the first item of arrays. */
function shape(value, depth = 0) {
  if (value === null) return "null";
  if (value instanceof Date) return "Date";
  if (Array.isArray(value)) return value.length ? [shape(value[0], depth + 1)] : [];
  if (typeof value !== "object") return typeof value;
  if (depth > 2) return "object";
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, shape(value[key], depth + 1)]),
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the scenario; `email` and `password` are the new user's. Returns one row per step. */
export async function run({ email, password }) {
  // Every request the page makes to the auth API, as the app's network panel would list
  // it (assets, such as this package's .wasm loading when its first read has answered,
  // are not calls).
  const requests = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(input?.url ?? String(input), location.href);
    if (url.pathname.startsWith("/api/auth/")) {
      requests.push(`${(init?.method ?? input?.method ?? "GET").toUpperCase()} ${url.pathname}`);
    }
    return realFetch(input, init);
  };

  const client = createAuthClient({
    baseURL: location.origin,
    plugins: [
      organizationClient(),
      multiSessionClient(),
      inferAdditionalFields({ user: { role: { type: "string", required: false } } }),
      twoFactorClient({ onTwoFactorRedirect: () => {} }),
    ],
  });
  const session = client.useSession;
  const stop = session.subscribe(() => {});

  /** The store once settled: no read running, quiet for 300 ms. */
  async function settledStore() {
    let last = "";
    for (let quiet = 0, i = 0; quiet < 3 && i < 100; i += 1) {
      await sleep(100);
      const state = session.get();
      const now = JSON.stringify([state.isPending, state.isRefetching, state.data?.user?.email]);
      quiet = !state.isPending && !state.isRefetching && now === last ? quiet + 1 : 0;
      last = now;
    }
    const { data, isPending } = session.get();
    const who = { [email]: "the user", [`other-${email}`]: "the other user" };
    return { user: who[data?.user?.email] ?? data?.user?.email ?? null, name: data?.user?.name ?? null, isPending };
  }

  const mail = async (to) => (await (await realFetch(`/__test/mail?to=${encodeURIComponent(to)}`)).json()).at(-1);
  const rows = [];
  /** One step: `call` returns what the member returned (awaited). */
  async function step(member, call) {
    requests.length = 0;
    let result;
    let thrown = null;
    try {
      result = await call();
    } catch (err) {
      thrown = err?.code ?? err?.name ?? "thrown";
    }
    const store = await settledStore();
    // get-session requests are the call's or the store's: counted apart (the clients'
    // stores read at different times; what the call itself sends is compared).
    const own = requests.filter((r) => !r.endsWith("/get-session"));
    const isResult = result && typeof result === "object" && "data" in result && "error" in result;
    rows.push({
      member,
      data: isResult ? shape(result.data) : shape(result),
      error: isResult && result.error ? `${result.error.status} ${result.error.code ?? ""}`.trim() : thrown,
      store,
      requests: own,
      sessionReads: requests.length - own.length,
    });
    return result;
  }

  const newPassword = `${password}-2`;
  await step("signUp.email", () => client.signUp.email({ email, password, name: "Drop In" }));
  await step("getSession", () => client.getSession());
  await step("useSession.get", async () => {
    const { data, error, isPending, isRefetching } = session.get();
    return { data, error, isPending, isRefetching };
  });
  await step("updateUser", () => client.updateUser({ name: "Drop In Renamed" }));
  await step("updateUser (disableSignal)", () =>
    client.updateUser({ name: "Drop In Quietly", fetchOptions: { disableSignal: true } }),
  );
  await step("listSessions", () => client.listSessions());
  await step("listAccounts", () => client.listAccounts());
  await step("changePassword (wrong)", () => client.changePassword({ currentPassword: "wrong-password-0", newPassword }));
  await step("changePassword", () => client.changePassword({ currentPassword: password, newPassword }));
  await step("sendVerificationEmail", () => client.sendVerificationEmail({ email, callbackURL: "/" }));
  const verify = await mail(email);
  await step("verifyEmail", () => client.verifyEmail({ query: { token: verify?.token } }));
  await step("signIn.social", () => client.signIn.social({ provider: "github", disableRedirect: true }));
  await step("signIn.social (generic OAuth)", () => client.signIn.social({ provider: "local-oidc", disableRedirect: true }));
  await step("linkSocial", () => client.linkSocial({ provider: "github", disableRedirect: true }));
  await step("organization.create", () => client.organization.create({ name: "Drop In Org", slug: `org-${Date.now()}` }));
  const orgs = await step("organization.list", () => client.organization.list());
  await step("organization.setActive", () => client.organization.setActive({ organizationId: orgs?.data?.[0]?.id }));
  await step("organization.getFullOrganization", () => client.organization.getFullOrganization());
  await step("organization.checkRolePermission", async () =>
    client.organization.checkRolePermission({ role: "owner", permissions: { organization: ["update"] } }),
  );
  await step("$store.atoms.session.get", async () => Object.keys(client.$store.atoms.session.get()).sort());
  await step("multiSession.listDeviceSessions", () => client.multiSession.listDeviceSessions());
  await step("revokeOtherSessions", () => client.revokeOtherSessions());
  await step("$fetch /ok", () => client.$fetch("/ok"));
  await step("$fetch (customFetchImpl)", () =>
    client.$fetch("/ok", { customFetchImpl: (input, init) => window.fetch(input, init) }),
  );
  await step("$fetch (DELETE)", () => client.$fetch("/ok", { method: "DELETE" }));
  await step("unknown path", () => client.noSuchThing.here());
  await step("twoFactor.enable", () => client.twoFactor.enable({ password: newPassword }));
  await step("signOut", () => client.signOut());
  await step("getSession (signed out)", () => client.getSession());
  await step("signIn.email (wrong password)", () => client.signIn.email({ email, password }));
  await step("signIn.email (asks for a code)", () => client.signIn.email({ email, password: newPassword }));
  await step("twoFactor.verifyTotp (wrong)", () => client.twoFactor.verifyTotp({ code: "000000" }));
  await step("requestPasswordReset", () => client.requestPasswordReset({ email, redirectTo: "/reset" }));
  const reset = await mail(email);
  await step("resetPassword", () => client.resetPassword({ newPassword: `${password}-3`, token: reset?.token }));
  await step("resetPassword (used token)", () => client.resetPassword({ newPassword: `${password}-4`, token: reset?.token }));
  await step("signUp.email (existing)", () => client.signUp.email({ email, password, name: "Again" }));
  await step("signUp.email (other user)", () =>
    client.signUp.email({ email: `other-${email}`, password, name: "Other" }),
  );
  await step("listSessions (other user)", () => client.listSessions());
  await step("deleteUser", () => client.deleteUser({ password }));
  await step("getSession (deleted)", () => client.getSession());
  stop();
  window.fetch = realFetch;
  return rows;
}
