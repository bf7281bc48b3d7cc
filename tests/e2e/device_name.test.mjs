// The demo's device names: browser and system in words from real user-agent strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deviceName } from "../../www-demo/device-name.js";

test("devices are named in words from their user agent and address", () => {
  const cases = [
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36", "Chrome (headless) on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS"],
    ["Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", "Firefox on Android"],
    ["node", "Node.js"],
    ["", "Unknown device"],
    [null, "Unknown device"],
  ];
  for (const [agent, name] of cases) assert.equal(deviceName(agent), name, agent);
  assert.equal(deviceName("node", "127.0.0.1"), "Node.js · 127.0.0.1");
});
