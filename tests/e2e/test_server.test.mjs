// The test and demo server stays up under requests a browser would never send but a
// scanner does: a path of "//" and a malformed percent-encoding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { SERVER_URL } from "./browser.mjs";

function rawGet(path) {
  const { hostname, port } = new URL(SERVER_URL);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end();
  });
}

test("odd paths get an answer and the server stays up", async () => {
  for (const path of ["//", "//evil.example/x", "/%E0%A4%A", "/api/auth/%zz"]) {
    const status = await rawGet(path);
    assert.ok(status >= 400 && status < 500, `${path}: ${status}`);
  }
  assert.equal(await rawGet("/api/auth/ok"), 200, "the server still answers");
});
