// A real Better Auth server for the tests, the demo and the benchmarks.
//
// SQLite through libsql, schema created by programmatic migration, email and
// password sign-in (password reset and email verification mail kept in memory: with
// TEST_FAULTS, GET /__test/mail?to=EMAIL lists what was "sent"), a GitHub social provider
// (sign-in URLs only; nothing contacts GitHub), the multiSession and bearer plugins, and the CORS
// headers Better Auth leaves to its host. Configured only by environment variables:
//
//   PORT             port to listen on (default 0: a free one)
//   ALLOWED_ORIGINS  comma-separated page origins allowed by CORS and trustedOrigins
//   DB_FILE          SQLite file to use (default: a fresh file in a temporary folder,
//                    deleted on exit)
//   STATIC_DIR       a folder served at / (the demo page); off when unset
//   OIDC_ISSUER      a local OpenID Connect provider (oidc-provider.mjs) for the generic
//                    OAuth plugin, as provider "local-oidc"; off when unset
//   FRESH_AGE        session.freshAge in seconds (default: Better Auth's, one day)
//   SESSION_EXPIRES_IN session.expiresIn in seconds (default: Better Auth's, 7 days)
//   TEST_FAULTS      "1" turns on the fault hook and request counters of faults.mjs
//                    (tests only, never the demo)
//   RATE_LIMIT       "1" turns on Better Auth's rate limiter (the demo; the tests leave it
//                    off, they make many requests from one address), with
//                    RATE_LIMIT_WINDOW seconds and RATE_LIMIT_MAX requests (default:
//                    Better Auth's, 10 s and 100; sign-in/up keep its 3 per 10 s)
//   BETTER_AUTH_SECRET the secret (the demo passes its own; tests use a fixed one)
//   AUTH_CONFIG      a server configuration, JSON (the named ones are in configs.json): {"session": {...}} merged into Better Auth's session
//                    options (cookieCache, expiresIn, updateAge, freshAge,
//                    storeSessionInDatabase); "maximumSessions" for the multiSession
//                    plugin; "organization": true adds the organization plugin;
//                    "twoFactor": true or its options adds the two-factor plugin;
//                    "rateLimit": {window, max} turns the rate limiter on;
//                    "redis": "redis://127.0.0.1:PORT" for secondaryStorage on that
//                    Redis; "publicHost" (served as http://HOST:PORT, for host names
//                    mapped to 127.0.0.1 by the browser) with "cookieDomain" for
//                    crossSubDomainCookies
//
// Prints exactly one ready line, JSON, on stdout:
//   {"ready":true,"url":"http://127.0.0.1:PORT","baseURL":"http://127.0.0.1:PORT/api/auth","pid":N}
import { createServer } from "node:http";
import { mkdtempSync, rmSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, extname, sep } from "node:path";
import { betterAuth } from "better-auth";
import { toNodeHandler } from "better-auth/node";
import { bearer, genericOAuth, multiSession, organization, twoFactor } from "better-auth/plugins";
import { OIDC_CLIENT } from "./oidc-client.mjs";
import { getMigrations } from "better-auth/db/migration";
import { LibsqlDialect } from "@libsql/kysely-libsql";
import { createFaults } from "./faults.mjs";
import { createClient as createRedisClient } from "redis";

const HOST = "127.0.0.1";
const port = Number(process.env.PORT ?? 0);
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((o) => o.trim())
  .filter(Boolean);

let tempDir = null;
let dbFile = process.env.DB_FILE;
if (!dbFile) {
  tempDir = mkdtempSync(join(tmpdir(), "better-auth-wasm-db-"));
  dbFile = join(tempDir, "auth.sqlite");
}
const staticDir = process.env.STATIC_DIR ? resolve(process.env.STATIC_DIR) : null;
const faults = process.env.TEST_FAULTS === "1" ? createFaults() : null;

function cleanup() {
  if (tempDir) {
    rmSync(tempDir, { recursive: true, force: true });
    tempDir = null;
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup();
    process.exit(0);
  });
}
process.on("exit", cleanup);

/** Adds the CORS headers for an allowed origin; returns true when the origin is allowed. */
function applyCors(req, res) {
  const origin = req.headers.origin;
  res.setHeader("Vary", "Origin");
  if (!origin || !allowedOrigins.includes(origin)) return false;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  // Lets the client read Retry-After on a 429 (not a CORS-safelisted header).
  res.setHeader("Access-Control-Expose-Headers", "Retry-After, X-Retry-After");
  return true;
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** Serves a file of STATIC_DIR; returns false when there is none for this path. */
function serveStatic(req, res) {
  if (!staticDir || (req.method !== "GET" && req.method !== "HEAD")) return false;
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    return false; // a malformed percent-encoding names no file
  }
  let file = resolve(join(staticDir, path));
  if (file !== staticDir && !file.startsWith(staticDir + sep)) return false;
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    const body = readFileSync(file);
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  } catch {
    return false;
  }
}

const config = JSON.parse(process.env.AUTH_CONFIG || "{}");

/** Better Auth's secondaryStorage on a real Redis. Commands fail at once while Redis is
 * down (no offline queue): the server then answers 500 instead of hanging. */
async function redisStorage(url) {
  const redis = createRedisClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * (retries + 1), 500) },
  });
  redis.on("error", () => {}); // reconnects on its own; each failed command throws
  await redis.connect();
  return {
    get: (key) => redis.get(key),
    set: (key, value, ttl) => (ttl ? redis.set(key, value, { EX: ttl }) : redis.set(key, value)),
    delete: async (key) => {
      await redis.del(key);
    },
  };
}

// Mail Better Auth "sends" (password reset, email verification), newest last.
const mailbox = [];
function deliver(to, kind, link, token) {
  mailbox.push({ to, kind, url: link, token, at: Date.now() });
  if (mailbox.length > 1000) mailbox.shift();
}

/** Better Auth's generic OAuth plugin for the local OpenID Connect provider at `issuer`
 * (oidc-provider.mjs). */
function localOidc(issuer) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_CLIENT.providerId,
        clientId: OIDC_CLIENT.id,
        clientSecret: OIDC_CLIENT.secret,
        discoveryUrl: `${issuer}/.well-known/openid-configuration`,
        scopes: ["openid", "email", "profile"],
        pkce: true,
        authentication: "basic",
      },
    ],
  });
}

const server = createServer();
server.listen(port, HOST, async () => {
  const url = `http://${config.publicHost ?? HOST}:${server.address().port}`;
  const auth = betterAuth({
    baseURL: url,
    secret: process.env.BETTER_AUTH_SECRET ?? "better-auth-wasm-test-secret-not-for-production",
    database: { dialect: new LibsqlDialect({ url: `file:${dbFile}` }), type: "sqlite" },
    emailAndPassword: {
      enabled: true,
      // Mail is kept in memory for the tests (GET /__test/mail?to=EMAIL), never sent.
      sendResetPassword: async ({ user, url, token }) => deliver(user.email, "reset-password", url, token),
    },
    emailVerification: {
      sendVerificationEmail: async ({ user, url, token }) => deliver(user.email, "verify-email", url, token),
    },
    // A social provider, for sign-in URLs (nothing contacts GitHub: the tests stop at
    // the provider's URL).
    socialProviders: { github: { clientId: "better-auth-wasm-test", clientSecret: "not-a-secret" } },
    // A custom user field, to test typed extra fields end to end.
    user: {
      // The account flows of the official client's proxy (tests/e2e/account.test.mjs).
      changeEmail: { enabled: true },
      deleteUser: { enabled: true },
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "member", input: true },
      },
    },
    session: {
      ...(process.env.FRESH_AGE ? { freshAge: Number(process.env.FRESH_AGE) } : {}),
      ...(process.env.SESSION_EXPIRES_IN ? { expiresIn: Number(process.env.SESSION_EXPIRES_IN) } : {}),
      ...config.session,
    },
    ...(config.redis ? { secondaryStorage: await redisStorage(config.redis) } : {}),
    ...(config.cookieDomain
      ? { advanced: { crossSubDomainCookies: { enabled: true, domain: config.cookieDomain } } }
      : {}),
    trustedOrigins: [url, ...allowedOrigins],
    // Tests sign up many users from one address; the reliability suite injects 429s itself.
    rateLimit: {
      enabled: process.env.RATE_LIMIT === "1" || Boolean(config.rateLimit),
      window: Number(process.env.RATE_LIMIT_WINDOW ?? config.rateLimit?.window ?? 10),
      max: Number(process.env.RATE_LIMIT_MAX ?? config.rateLimit?.max ?? 100),
      // In memory even beside a Redis: one process, and Redis is there for sessions.
      storage: "memory",
    },
    plugins: [
      multiSession(config.maximumSessions ? { maximumSessions: config.maximumSessions } : {}),
      bearer(),
      ...(process.env.OIDC_ISSUER ? [localOidc(process.env.OIDC_ISSUER)] : []),
      ...(config.organization ? [organization()] : []),
      ...(config.twoFactor ? [twoFactor(config.twoFactor === true ? {} : config.twoFactor)] : []),
    ],
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const authHandler = toNodeHandler(auth);

  server.on("request", (req, res) => {
    const allowed = applyCors(req, res);
    if (req.method === "OPTIONS") {
      if (allowed) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", "content-type, authorization");
        res.setHeader("Access-Control-Max-Age", "600");
      }
      res.writeHead(allowed ? 204 : 403).end();
      return;
    }
    let pathname;
    try {
      // The origin is prefixed: a path such as "//" must not be read as a host.
      pathname = new URL(`${url}${req.url}`).pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (faults && pathname === "/__test/mail") {
      const to = new URL(`${url}${req.url}`).searchParams.get("to");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(mailbox.filter((mail) => mail.to === to)));
      return;
    }
    if (faults && pathname.startsWith("/__test/")) {
      faults.control(req, res, pathname);
      return;
    }
    if (pathname.startsWith("/api/auth")) {
      const fault = faults?.take(pathname, req.url, req.headers);
      if (fault) {
        faults.apply(fault, req, res, { passThrough: () => authHandler(req, res), auth });
        return;
      }
      authHandler(req, res);
      return;
    }
    if (serveStatic(req, res)) return;
    res.writeHead(404).end();
  });

  process.stdout.write(
    JSON.stringify({ ready: true, url, baseURL: `${url}/api/auth`, pid: process.pid }) + "\n",
  );
});
