// Captures real responses of the test server into tests/fixtures/, for the native
// parsing tests. Re-capture with `make fixtures` (it starts the server).
import { writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const base = `${process.env.BA_TEST_SERVER_URL}/api/auth`;
const origin = process.env.BA_TEST_PAGE_ORIGIN;
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "fixtures");
mkdirSync(out, { recursive: true });

let cookies = new Map();
async function call(method, path, body) {
  const headers = { Origin: origin };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const [name, value] = pair.split("=");
    if (attrs.some((a) => a.trim().toLowerCase() === "max-age=0")) cookies.delete(name);
    else cookies.set(name, value);
  }
  return { status: res.status, text: await res.text() };
}

function save(name, { status, text }) {
  writeFileSync(join(out, name), text + "\n");
  console.log(`${name}: ${status}, ${text.length} bytes`);
}

const email = "fixture@example.com";
const password = "correct-horse-battery";
save("get-session-signed-out.json", await call("GET", "/get-session"));
save("sign-up.json", await call("POST", "/sign-up/email", { email, password, name: "Fixture User" }));
save("sign-up-duplicate.json", await call("POST", "/sign-up/email", { email, password, name: "Fixture User" }));
save("get-session.json", await call("GET", "/get-session"));
save("sign-out.json", await call("POST", "/sign-out", {}));
save("sign-in-wrong-password.json", await call("POST", "/sign-in/email", { email, password: "wrong-password" }));
save("sign-in.json", await call("POST", "/sign-in/email", { email, password, rememberMe: false }));
