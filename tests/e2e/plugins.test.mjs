// Official client plugins passed to this client, as an app swapping the import would:
// organizationClient (actions, atoms, path methods, atom listeners), multiSessionClient,
// inferAdditionalFields and twoFactorClient, against a real server with the
// organization plugin (test-server/configs.json "organization").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, uniqueEmail, PASSWORD } from "./browser.mjs";
import { startAuthServer } from "./servers.mjs";

const CONFIGS = JSON.parse(readFileSync(new URL("../../test-server/configs.json", import.meta.url)));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("official plugins work when passed in: actions, atoms, path methods, signals", async () => {
  const server = await startAuthServer(CONFIGS.organization);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(err.message));
    const requests = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/auth/")) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await page.goto(`${server.url}/store.html`);
    await page.waitForFunction(() => window.e2eReady === true);
    const result = await page.evaluate(async ({ email, password }) => {
      const { organizationClient, multiSessionClient, inferAdditionalFields, twoFactorClient } = await import(
        "./official-plugins.js"
      );
      const client = createAuthClient({
        baseURL: location.origin,
        plugins: [
          organizationClient(),
          multiSessionClient(),
          inferAdditionalFields({ user: { role: { type: "string" } } }),
          twoFactorClient(),
        ],
      });
      const until = async (check, ms = 3000) => {
        const end = Date.now() + ms;
        while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
        return check();
      };
      client.useSession.subscribe(() => {});
      await client.signUp.email({ email, password, name: "Org Owner" });
      // getActions: a nested action of the organization plugin.
      const ownerMayUpdate = client.organization.checkRolePermission({
        role: "owner",
        permissions: { organization: ["update"] },
      });
      // getAtoms: `useListOrganizations` is the plugin's query atom, fed through $fetch.
      const names = [];
      const stop = client.useListOrganizations.subscribe((state) => {
        if (state.data) names.push(state.data.map((o) => o.name).join(","));
      });
      // The path proxy reaches the plugin's endpoints; its atom listeners refresh the list.
      const created = await client.organization.create({ name: "Acme", slug: `acme-${Date.now()}` });
      const listed = await until(() => names.includes("Acme"));
      stop();
      // organization/set-active sets $sessionSignal: this store reads the session again.
      const active = await client.organization.setActive({ organizationId: created.data.id });
      const sessionFollowed = await until(
        () => client.useSession.get().data?.session.activeOrganizationId === created.data.id,
      );
      // pathMethods: get-full-organization is GET whatever the call looks like.
      const full = await client.organization.getFullOrganization({ query: { organizationId: created.data.id } });
      return {
        ownerMayUpdate,
        createdError: created.error,
        listed,
        activeError: active.error,
        sessionFollowed,
        fullName: full.data?.name,
        store: typeof client.$store.notify === "function" && typeof client.$store.atoms.$sessionSignal.get,
        role: client.useSession.get().data?.user.role,
      };
    }, { email: uniqueEmail("plugins"), password: PASSWORD });
    console.log(`official plugins: ${JSON.stringify(result)}`);
    console.log(`requests: ${requests.join(", ")}`);
    assert.deepEqual(result, {
      ownerMayUpdate: true,
      createdError: null,
      listed: true,
      activeError: null,
      sessionFollowed: true,
      fullName: "Acme",
      store: "function",
      role: "member",
    });
    assert.ok(requests.includes("GET /api/auth/organization/get-full-organization"), "the plugin's path method");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.stop();
  }
});
