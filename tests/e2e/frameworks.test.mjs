// Real apps of the frameworks Better Auth apps are built with (tests/frameworks/), each
// built as its users build it (scripts/build-framework-apps.sh: SvelteKit's adapter-node,
// `nuxt build`, `next build` with Turbopack and with webpack, SolidStart's `vinxi build`) twice: on better-auth's own entry, and with only that import swapped to
// better-auth-wasm's. Each served by its own production server against the real test
// server and driven in Chromium: server render, sign-up, reload signed in (no signed-out
// frame painted, no hydration warning), sign-out. Prints the matrix (framework x client:
// build, server render, flow, get-session reads on the first signed-in load, bytes on
// the wire) and the concurrency check: two users and a visitor rendered interleaved by
// one server process, each page carrying only its own session.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { launch, SERVER_URL, PASSWORD, uniqueEmail } from "./browser.mjs";
import { startProcess, stopProcess } from "./servers.mjs";
import { firstLoad, hydrationWarnings, signUpCookie } from "./ssr.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const NODE22 = `${ROOT}tools/node22/node_modules/node/bin/node`;
// The port the test servers trust as an origin (EXTRA_ORIGINS in scripts/e2e.sh): the
// apps run one at a time on it.
const PORT = Number(process.env.FRAMEWORK_PORT);

/** Each app: how its production server starts, and when its page has hydrated. */
const APPS = {
  sveltekit: {
    name: "SvelteKit 3 (adapter-node)",
    start: (dir) => [NODE22, [`${dir}/build/index.js`], { HOST: "127.0.0.1", PORT: String(PORT) }],
  },
  nuxt: {
    name: "Nuxt 4 (nuxt build)",
    start: (dir) => [NODE22, [`${dir}/.output/server/index.mjs`], { HOST: "127.0.0.1", PORT: String(PORT) }],
  },
  solid: {
    name: "SolidStart 1 (vinxi build)",
    start: (dir) => [NODE22, [`${dir}/.output/server/index.mjs`], { HOST: "127.0.0.1", PORT: String(PORT) }],
  },
  "next-turbopack": nextApp("Turbopack", ".next-turbopack"),
  "next-webpack": nextApp("webpack", ".next-webpack"),
};

/** The Next.js app's build by `bundler`, served by `next start`. */
function nextApp(bundler, distDir) {
  return {
    name: `Next.js 16 App Router (${bundler})`,
    dir: "next",
    ready: /Ready in/,
    start: (dir) => [
      process.execPath,
      [`${dir}/node_modules/next/dist/bin/next`, "start", dir, "-H", "127.0.0.1", "-p", String(PORT)],
      { NEXT_DIST_DIR: distDir },
    ],
  };
}

let browser;
const rows = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  console.log("\nframework x client | build | server render | flow | get-session reads on first load | bytes on the wire (first load, encoded)");
  for (const row of rows) console.log(row);
});

async function startApp(app, build) {
  const dir = `${ROOT}target/frameworks/${APPS[app].dir ?? app}-${build}`;
  const [command, args, env] = APPS[app].start(dir);
  const ready = APPS[app].ready ?? /Listening on http/;
  const { child } = await startProcess(command, args, { ...env, BETTER_AUTH_URL: SERVER_URL }, (line) => ready.test(line));
  const server = { child, url: `http://127.0.0.1:${PORT}`, stderr: "" };
  child.stderr.on("data", (chunk) => (server.stderr += chunk));
  return server;
}

/** The server's HTML for a request with `cookie`. */
async function rendered(url, cookie) {
  return (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
}

for (const app of Object.keys(APPS)) {
  for (const build of ["official", "ours"]) {
    const label = `${APPS[app].name} on ${build === "ours" ? "better-auth-wasm" : "better-auth"}`;
    test(`${label}: server render, sign-up, reload signed in with no flash, sign-out; concurrent renders keep their own session`, async () => {
      assert.ok(existsSync(`${ROOT}target/frameworks/${APPS[app].dir ?? app}-${build}`), "built by scripts/build-framework-apps.sh");
      const server = await startApp(app, build);
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on("console", (m) => ["error", "warning"].includes(m.type()) && errors.push(m.text()));
        await page.goto(server.url);
        await page.waitForFunction(() => window.hydrated === true);
        assert.equal(await page.textContent("#status"), "Signed out");
        const name = `${app}-${build}`;
        await page.fill("#name", name);
        await page.fill("#email-input", uniqueEmail(name));
        await page.fill("#password", PASSWORD);
        await page.click("button[type=submit]");
        await page.waitForFunction((text) => document.getElementById("status")?.textContent === text, `Signed in as ${name}`);
        await page.close();

        // The reload, in a fresh context with the same cookies (an empty cache: every
        // byte counted): rendered signed in, hydrated with nothing else painted.
        const fresh = await browser.newContext({ storageState: await context.storageState() });
        await context.close();
        const sizes = [];
        fresh.on("requestfinished", (request) => sizes.push(request.sizes().catch(() => null)));
        const seen = await firstLoad(fresh, server.url, () => window.hydrated === true);
        assert.equal(seen.html, `Signed in as ${name}`, "the server rendered the session");
        assert.deepEqual(seen.texts, [`Signed in as ${name}`], "no other text was painted");
        assert.deepEqual(hydrationWarnings([...seen.console, ...errors]), []);
        const reads = seen.reads;
        const wire = (await Promise.all(sizes)).reduce((sum, s) => sum + (s?.responseBodySize ?? 0) + (s?.responseHeadersSize ?? 0), 0);

        await seen.page.click("#sign-out");
        await seen.page.waitForFunction(() => document.getElementById("status")?.textContent === "Signed out");
        const after = await firstLoad(fresh, server.url, () => window.hydrated === true);
        assert.equal(after.html, "Signed out");
        assert.deepEqual(after.texts, ["Signed out"]);
        await fresh.close();

        // Two users and a visitor, rendered interleaved by this one process.
        const ann = await signUpCookie(SERVER_URL, "ann");
        const bob = await signUpCookie(SERVER_URL, "bob");
        const visitors = [
          { cookie: ann, own: "Signed in as ann" },
          { cookie: bob, own: "Signed in as bob" },
          { cookie: "", own: "Signed out" },
        ];
        const rounds = 5;
        let pages = 0;
        for (let round = 0; round < rounds; round += 1) {
          const htmls = await Promise.all(visitors.flatMap((v) => [v, v].map((w) => rendered(server.url, w.cookie).then((html) => [w, html]))));
          for (const [visitor, html] of htmls) {
            pages += 1;
            assert.ok(html.includes(`>${visitor.own}<`), `${visitor.own}: ${html.match(/id="status"[^<]*/)?.[0]}`);
            for (const other of visitors) {
              if (other !== visitor && other.cookie) {
                const otherName = other.own.replace("Signed in as ", "");
                assert.ok(!html.includes(`Signed in as ${otherName}`) && !html.includes(`"${otherName}"`), `${visitor.own}'s page carries ${otherName}'s session`);
              }
            }
          }
        }
        console.log(`concurrency, ${label}: ${pages} pages rendered interleaved (ann, bob, a visitor; ${rounds} rounds of 6 at once): each carried only its own session`);
        rows.push(`${label} | ok | ok | ok | ${reads} | ${(wire / 1024).toFixed(1)} KB`);
      } catch (err) {
        console.error(server.stderr.slice(-3000));
        throw err;
      } finally {
        await stopProcess(server.child);
      }
    });
  }
}
