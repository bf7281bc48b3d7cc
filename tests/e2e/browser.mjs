// Shared set-up of the multi-page tests: Debian's Chromium driven by playwright-core,
// pages of the real test server's origin (it serves target/e2e-www as STATIC_DIR).
import { chromium } from "../../tools/node_modules/playwright-core/index.mjs";

export const SERVER_URL = process.env.BA_TEST_SERVER_URL;
export const PASSWORD = "correct-horse-battery";

export function uniqueEmail(tag) {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.com`;
}

/** Debian's Chromium, headless; `args` adds flags (such as --host-resolver-rules). */
export async function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...args,
    ],
  });
}

/** Opens `count` pages of one browser context (one cookie jar, like tabs). */
export async function openPages(context, count, path = "/store.html") {
  const pages = [];
  for (let i = 0; i < count; i += 1) {
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error(`page ${i} error:`, err));
    await page.goto(`${SERVER_URL}${path}`);
    await page.waitForFunction(() => window.e2eReady === true);
    pages.push(page);
  }
  return pages;
}

/** In each page: a client with these session options, subscribed, recording states. */
export async function subscribeAll(pages, sessionOptions = {}) {
  await Promise.all(
    pages.map((page) =>
      page.evaluate((sessionOptions) => {
        window.client = createAuthClient({ baseURL: location.origin, sessionOptions });
        window.changes = [];
        window.unsubscribe = window.client.useSession.subscribe((state) => {
          window.latest = state;
          window.changes.push({ at: Date.now(), email: state.data?.user.email ?? null });
        });
      }, sessionOptions),
    ),
  );
}

/** Waits until the page's store shows `email` (or signed out for null); returns when. */
export async function shownAt(page, email, timeoutMs = 2000) {
  await page.waitForFunction(
    (email) => window.latest && !window.latest.isPending && (window.latest.data?.user.email ?? null) === email,
    email,
    { timeout: timeoutMs },
  );
  return page.evaluate(
    (email) => window.changes.find((c, i) => c.email === email && i === window.changes.findLastIndex((d) => d.email !== email) + 1)?.at,
    email,
  );
}

export async function testRoute(method, path) {
  const res = await fetch(`${SERVER_URL}${path}`, { method });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

export async function getSessionCount() {
  return (await testRoute("GET", "/__test/counts"))["/api/auth/get-session"] ?? 0;
}

/** mulberry32: a small seeded generator, so a failing generated case can be replayed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
