// Runs the peer suite (better-auth's own client tests, ported) on both clients, in
// happy-dom and in jsdom, and prints the counts. Fails when a client fails a test that
// differences.json does not name for it, or passes one it names (the difference is
// gone: take it out).
//   node run.mjs      (from tests/peer, after the packed package is installed here)
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const differences = JSON.parse(readFileSync(new URL("differences.json", import.meta.url)));
const problems = [];
for (const dom of ["happy-dom", "jsdom"]) {
  for (const client of ["official", "ours"]) {
    const out = `results-${client}-${dom}.json`;
    try {
      execFileSync("npx", ["vitest", "run", "--reporter=json", `--outputFile=${out}`], {
        env: { ...process.env, PEER_CLIENT: client, PEER_DOM: dom },
        stdio: ["ignore", "ignore", "inherit"],
      });
    } catch {
      // Failures are read from the report below.
    }
    const report = JSON.parse(readFileSync(out, "utf8"));
    rmSync(out);
    const tests = report.testResults.flatMap((file) =>
      file.assertionResults.map((t) => ({ name: `${file.name.split("/").pop()}: ${t.fullName}`, passed: t.status === "passed" })),
    );
    if (report.testResults.some((file) => file.status === "failed" && file.assertionResults.length === 0)) {
      problems.push(`${client}, ${dom}: a test file did not load: ${report.testResults.map((f) => f.message).join(" ")}`);
    }
    const passed = tests.filter((t) => t.passed).length;
    console.log(`peer suite, ${client === "ours" ? "better-auth-wasm" : "better-auth"}, ${dom}: ${passed} of ${tests.length} passed`);
    for (const t of tests) {
      const documented = differences[client][t.name];
      const who = client === "ours" ? "better-auth-wasm" : "better-auth";
      if (!t.passed && !documented) problems.push(`${who} fails "${t.name}" (${dom}), not named in differences.json`);
      if (t.passed && documented) problems.push(`${who} passes "${t.name}" (${dom}): take it out of differences.json`);
      if (!t.passed && documented) console.log(`  fails as documented: ${t.name}: ${documented}`);
    }
  }
}
for (const problem of problems) console.error(`peer suite: ${problem}`);
process.exit(problems.length ? 1 : 0);
