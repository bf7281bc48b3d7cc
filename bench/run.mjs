// `make bench`: this package against better-auth/client, in one run, on one real test
// server and one headless Chromium. Prints one table with the ratios and writes
// bench/results.json. BENCH_SMOKE=1 runs every scenario tiny (make test does).
import { chromium } from "../tools/node_modules/playwright-core/index.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const SERVER = process.env.BA_TEST_SERVER_URL;
const WWW = process.env.BENCH_WWW;
const SMOKE = process.env.BENCH_SMOKE === "1";
const N = SMOKE
  ? { poll: 2000, calls: 10, latency: 20, cycles: 200, listeners: 100, changes: 5 }
  : { poll: 10000, calls: 100, latency: 200, cycles: 10000, listeners: 1000, changes: 20 };
const PASSWORD = "correct-horse-battery";
const email = (tag) => `bench-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function counts(reset = false) {
  const res = await fetch(`${SERVER}/__test/${reset ? "reset" : "counts"}`, { method: reset ? "POST" : "GET" });
  return (await res.json())["/api/auth/get-session"] ?? 0;
}
const resetCounts = () => counts(true);

function sizes(files) {
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  // Each file is compressed on its own, as a server sends them.
  const each = (fn) => files.reduce((sum, f) => sum + fn(readFileSync(f)).length, 0);
  return {
    raw: bytes.length,
    gzip: each((b) => gzipSync(b, { level: 6 })),
    brotli: each((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--enable-precise-memory-info", "--js-flags=--expose-gc"],
});

async function page(context, query = "") {
  const p = await context.newPage();
  await p.goto(`${SERVER}/bench.html${query}`);
  await p.waitForFunction(() => window.benchReady === true);
  return p;
}

/** A context signed in as a fresh user (through the official client: neutral ground). */
async function signedInContext(kind) {
  const context = await browser.newContext();
  const p = await page(context);
  await p.evaluate(async ({ kind, body }) => {
    const lib = await window.loadClient(kind);
    const { error } = await lib.create({}).signUp(body);
    if (error) throw new Error(error.code ?? error.message);
  }, { kind, body: { email: email(kind), password: PASSWORD, name: "Bench" } });
  await p.close();
  return context;
}

const scenarios = {
  async mount20(kind) {
    const context = await signedInContext(kind);
    const p = await page(context);
    await resetCounts();
    await p.evaluate(async (kind) => {
      const lib = await window.loadClient(kind);
      const client = lib.create({});
      for (let i = 0; i < 20; i += 1) client.subscribe(() => {});
    }, kind);
    await sleep(1500);
    const n = await counts();
    await context.close();
    return n;
  },
  async focus10(kind) {
    const context = await signedInContext(kind);
    const p = await page(context);
    await p.evaluate(async (kind) => {
      const lib = await window.loadClient(kind);
      window.c = lib.create({});
      window.c.subscribe(() => {});
    }, kind);
    await sleep(300);
    await resetCounts();
    await p.evaluate(async () => {
      for (let i = 0; i < 10; i += 1) {
        document.dispatchEvent(new Event("visibilitychange"));
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    await sleep(500);
    const n = await counts();
    await context.close();
    return n;
  },
  async poll3(kind) {
    const context = await signedInContext(kind);
    const pages = [await page(context), await page(context), await page(context)];
    for (const p of pages) {
      await p.evaluate(async (kind) => {
        const lib = await window.loadClient(kind);
        lib.create({ refetchInterval: 1 }).subscribe((s) => (window.latest = s));
      }, kind);
    }
    for (const p of pages) await p.waitForFunction(() => window.latest?.data);
    await resetCounts();
    await sleep(N.poll);
    const n = await counts();
    await context.close();
    return n;
  },
  async getSessionCalls(kind) {
    const context = await signedInContext(kind);
    const p = await page(context);
    await resetCounts();
    await p.evaluate(async ({ kind, calls }) => {
      const lib = await window.loadClient(kind);
      const client = lib.create({});
      for (let i = 0; i < calls; i += 1) await client.getSession();
    }, { kind, calls: N.calls });
    const n = await counts();
    await context.close();
    return n;
  },
  async signIn5(kind) {
    const context = await browser.newContext();
    const p = await page(context);
    const address = email(kind);
    await p.evaluate(async ({ kind, body }) => {
      const lib = await window.loadClient(kind);
      const c = lib.create({});
      await c.signUp(body);
      await c.signOut();
    }, { kind, body: { email: address, password: PASSWORD, name: "Bench" } });
    const p2 = await page(context);
    await resetCounts();
    await p2.evaluate(async ({ kind, body }) => {
      const lib = await window.loadClient(kind);
      const c = lib.create({});
      await c.signIn(body);
      for (let i = 0; i < 5; i += 1) c.subscribe(() => {});
    }, { kind, body: { email: address, password: PASSWORD } });
    await sleep(1500);
    const n = await counts();
    await context.close();
    return n;
  },
  async latency(kind) {
    const context = await signedInContext(kind);
    const p = await page(context);
    const result = await p.evaluate(async ({ kind, calls }) => {
      const lib = await window.loadClient(kind);
      const client = lib.create({});
      await client.getSession();
      const mine = [];
      const plain = [];
      for (let i = 0; i < calls; i += 1) {
        let t = performance.now();
        await client.getSession();
        mine.push(performance.now() - t);
        t = performance.now();
        await (await fetch("/api/auth/get-session", { credentials: "include" })).json();
        plain.push(performance.now() - t);
      }
      const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
      return { p50: pct(mine, 0.5), p95: pct(mine, 0.95), plainP50: pct(plain, 0.5), plainP95: pct(plain, 0.95) };
    }, { kind, calls: N.latency });
    await context.close();
    return result;
  },
  /** Cold start: a fresh browser context each run (no HTTP cache, the session cookie
   * copied in), a page that creates the client at load and subscribes; navigation start
   * to the first store value with the user. Both clients take turns, run by run (which
   * goes first alternates), so a drift of the machine weighs on both alike. Median of 21
   * runs each (single runs vary by +-30%). */
  async firstSessions() {
    const cookies = {};
    for (const kind of ["ours", "official"]) {
      const signedIn = await signedInContext(kind);
      cookies[kind] = await signedIn.cookies();
      await signedIn.close();
    }
    const times = { ours: [], official: [] };
    for (let i = 0; i < (SMOKE ? 1 : 21); i += 1) {
      for (const kind of i % 2 ? ["official", "ours"] : ["ours", "official"]) {
        const context = await browser.newContext();
        await context.addCookies(cookies[kind]);
        const p = await context.newPage();
        await p.goto(`${SERVER}/bench.html?auto=${kind}`);
        await p.waitForFunction(() => window.firstSessionMs !== undefined, null, { timeout: 10000 });
        times[kind].push(await p.evaluate(() => window.firstSessionMs));
        await context.close();
      }
    }
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`cold start runs (ms): ours ${times.ours.map((t) => t.toFixed(0)).join(" ")}; official ${times.official.map((t) => t.toFixed(0)).join(" ")}`);
    return { ours: median(times.ours), official: median(times.official) };
  },
  async notify(kind) {
    const context = await signedInContext(kind);
    const p = await page(context);
    const result = await p.evaluate(async ({ kind, listeners, changes }) => {
      const lib = await window.loadClient(kind);
      const client = lib.create({ refetchOnWindowFocus: false });
      const stamps = [];
      let calls = 0;
      for (let i = 0; i < listeners; i += 1) {
        client.subscribe(() => {
          calls += 1;
          if (i === 0) stamps.push([performance.now(), null]);
          if (i === listeners - 1 && stamps.length) stamps[stamps.length - 1][1] = performance.now();
        });
      }
      await new Promise((r) => setTimeout(r, 500));
      stamps.length = 0;
      calls = 0;
      for (let c = 0; c < changes; c += 1) {
        client.refetch();
        await new Promise((r) => setTimeout(r, 60));
      }
      const spans = stamps.filter(([a, b]) => b !== null).map(([a, b]) => b - a);
      const perChange = spans.length ? spans.reduce((x, y) => x + y, 0) / spans.length : NaN;
      return { perChangeMs: perChange, notifications: calls };
    }, { kind, listeners: N.listeners, changes: N.changes });
    await context.close();
    return result;
  },
  async atomNotify() {
    const context = await browser.newContext();
    const p = await page(context);
    const perChange = await p.evaluate(async ({ listeners, changes }) => {
      const { atom } = await window.loadClient("official");
      const store = atom(0);
      for (let i = 0; i < listeners; i += 1) store.listen(() => {});
      const t = performance.now();
      for (let c = 0; c < changes; c += 1) store.set(c + 1);
      return (performance.now() - t) / changes;
    }, { listeners: N.listeners, changes: Math.max(N.changes, 100) });
    await context.close();
    return perChange;
  },
  async memory(kind) {
    const context = await browser.newContext();
    const p = await page(context);
    const result = await p.evaluate(async ({ kind, cycles }) => {
      const lib = await window.loadClient(kind);
      const client = lib.create({});
      client.subscribe(() => {})();
      await new Promise((r) => setTimeout(r, 300));
      const heap = () => {
        window.gc?.();
        return performance.memory.usedJSHeapSize;
      };
      const before = heap();
      const wasmBefore = await lib.wasmMemory();
      for (let i = 0; i < cycles; i += 1) client.subscribe(() => {})();
      await new Promise((r) => setTimeout(r, 300));
      return { heapGrowth: heap() - before, wasmBytes: await lib.wasmMemory(), wasmGrowth: (await lib.wasmMemory()) - wasmBefore };
    }, { kind, cycles: N.cycles });
    await context.close();
    return result;
  },
};

const results = { smoke: SMOKE, date: new Date().toISOString(), ours: {}, official: {} };
// Both as an app ships them: esbuild --bundle --minify of createAuthClient (and our .wasm).
results.ours.size = sizes([`${WWW}/pkg/better_auth_wasm_bg.wasm`, `${WWW}/ours-size.js`]);
results.official.size = sizes([`${WWW}/official-size.js`]);
for (const kind of ["ours", "official"]) {
  for (const name of ["mount20", "focus10", "poll3", "getSessionCalls", "signIn5", "latency", "notify", "memory"]) {
    results[kind][name] = await scenarios[name](kind);
  }
}
const firstSessions = await scenarios.firstSessions();
results.ours.firstSession = firstSessions.ours;
results.official.firstSession = firstSessions.official;
results.official.atomNotifyMs = await scenarios.atomNotify();
await browser.close();

const o = results.ours;
const f = results.official;
const ratio = (a, b) => (typeof a === "number" && typeof b === "number" && b !== 0 ? (a / b).toFixed(2) : "n/a");
const ms = (x) => (typeof x === "number" && !Number.isNaN(x) ? `${x.toFixed(2)} ms` : "n/a");
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const rows = [
  ["shipped size raw (wasm+JS)", kb(o.size.raw), kb(f.size.raw), ratio(o.size.raw, f.size.raw)],
  ["shipped size gzip", kb(o.size.gzip), kb(f.size.gzip), ratio(o.size.gzip, f.size.gzip)],
  ["shipped size brotli", kb(o.size.brotli), kb(f.size.brotli), ratio(o.size.brotli, f.size.brotli)],
  ["requests: 20 subscribers mount", o.mount20, f.mount20, ratio(o.mount20, f.mount20)],
  ["requests: 10 focus events in 2 s", o.focus10, f.focus10, ratio(o.focus10, f.focus10)],
  [`requests: 3 tabs polling 1 s for ${N.poll / 1000} s`, o.poll3, f.poll3, ratio(o.poll3, f.poll3)],
  [`requests: ${N.calls} getSession calls`, o.getSessionCalls, f.getSessionCalls, ratio(o.getSessionCalls, f.getSessionCalls)],
  ["requests: sign-in then 5 subscribers", o.signIn5, f.signIn5, ratio(o.signIn5, f.signIn5)],
  [`getSession p50 (x plain fetch: ${ratio(o.latency.p50, o.latency.plainP50)} / ${ratio(f.latency.p50, f.latency.plainP50)})`, ms(o.latency.p50), ms(f.latency.p50), ratio(o.latency.p50, f.latency.p50)],
  [`getSession p95 (x plain fetch: ${ratio(o.latency.p95, o.latency.plainP95)} / ${ratio(f.latency.p95, f.latency.plainP95)})`, ms(o.latency.p95), ms(f.latency.p95), ratio(o.latency.p95, f.latency.p95)],
  ["cold start to first session (median)", ms(o.firstSession), ms(f.firstSession), ratio(o.firstSession, f.firstSession)],
  [`notify ${N.listeners} subscribers, per change (nanostores atom: ${ms(f.atomNotifyMs)})`, ms(o.notify.perChangeMs), ms(f.notify.perChangeMs), ratio(o.notify.perChangeMs, f.notify.perChangeMs)],
  [`JS heap growth after ${N.cycles} subscribe/unsubscribe`, kb(o.memory.heapGrowth), kb(f.memory.heapGrowth), ratio(o.memory.heapGrowth, f.memory.heapGrowth)],
  ["wasm memory after the cycles (growth)", `${kb(o.memory.wasmBytes)} (+${kb(o.memory.wasmGrowth)})`, "-", "-"],
];
const width = [0, 1, 2, 3].map((i) => Math.max(...[["metric", "better-auth-wasm", "better-auth/client", "ratio"], ...rows].map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(width[i])).join(" | ");
console.log(`\nbench${SMOKE ? " (smoke: tiny counts, figures not meaningful)" : ""}: better-auth-wasm vs better-auth/client 1.7.25, same server, same Chromium`);
console.log(line(["metric", "better-auth-wasm", "better-auth/client", "ratio"]));
console.log(width.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
const out = new URL(SMOKE ? "../target/bench-smoke.json" : "./results.json", import.meta.url).pathname;
writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
console.log(`\nwritten: ${out}`);
