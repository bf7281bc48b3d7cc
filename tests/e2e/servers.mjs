// Real servers started by a test itself (configs.test.mjs, plugins.test.mjs): Better
// Auth with a configuration of its own (test-server/server.mjs with AUTH_CONFIG), and any
// process announcing when it is ready. Each is stopped by the test.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `command` and resolves once a line of its stdout passes `ready`. */
export function startProcess(command, args, env, ready) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      for (const line of out.split("\n")) {
        const value = ready(line);
        if (value) {
          child.stdout.removeAllListeners("data");
          child.stdout.resume();
          resolve({ child, value });
          return;
        }
      }
    });
    child.on("exit", (code) => reject(new Error(`${command} exited (${code}): ${stderr.slice(-2000)}`)));
  });
}

export function stopProcess(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A real Better Auth server with this configuration, on 127.0.0.1. */
export async function startAuthServer(config, { port = 0, origins = [] } = {}) {
  const { child, value } = await startProcess(
    "node",
    ["test-server/server.mjs"],
    { PORT: String(port), TEST_FAULTS: "1", AUTH_CONFIG: JSON.stringify(config), ALLOWED_ORIGINS: origins.join(",") },
    (line) => line.startsWith("{") && JSON.parse(line).ready && JSON.parse(line),
  );
  return { url: value.url, stop: () => stopProcess(child) };
}

