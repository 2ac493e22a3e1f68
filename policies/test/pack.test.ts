import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { allPolicies } from "../src/all";

const root = path.join(__dirname, "..", "..");

/** The `policy` column of every table under "## Baseline" in policies/README.md. */
function baselinePolicyNames(): string[] {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const start = readme.indexOf("\n## Baseline\n");
    assert.ok(start >= 0, "README.md has a ## Baseline section");
    const end = readme.indexOf("\n## ", start + 1);
    const names: string[] = [];
    let col = -1;
    for (const line of readme.slice(start, end < 0 ? undefined : end).split("\n")) {
        if (!line.startsWith("|")) {
            col = -1;
            continue;
        }
        const cells = line.split("|").slice(1, -1).map(c => c.trim());
        if (col < 0) {
            col = cells.indexOf("policy");
            assert.ok(col >= 0, `baseline table without a policy column: ${line}`);
        } else if (!/^-+$/.test(cells[0])) {
            names.push(cells[col]);
        }
    }
    return names;
}

describe("the acgs2-baseline pack", () => {
    it("has one mandatory policy per row of the baseline table in policies/README.md", () => {
        assert.equal(allPolicies.length, 41);
        for (const p of allPolicies) {
            assert.equal(p.enforcementLevel, "mandatory", p.name);
        }
    });
    it("names in the README baseline table exactly the pack's policies, in order", () => {
        const names = baselinePolicyNames();
        assert.equal(new Set(names).size, names.length, "one row per policy");
        assert.deepEqual(new Set(names), new Set(allPolicies.map(p => p.name)));
        assert.deepEqual(names, allPolicies.map(p => p.name));
    });
    it("refers to no file outside the repository (the baseline lives in README.md)", () => {
        const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap(e =>
            e.isDirectory() ? (["node_modules", "dist"].includes(e.name) ? [] : walk(path.join(d, e.name))) : [path.join(d, e.name)]);
        for (const f of walk(root).filter(x => !x.endsWith("package-lock.json") && !x.endsWith(".json"))) {
            const text = fs.readFileSync(f, "utf8");
            // Built from parts so this test does not match itself.
            assert.doesNotMatch(text, new RegExp(["SECURITY", "BASELINE"].join("-") + "|" + ["", "work", "shared"].join("/")), f);
        }
    });
    it("names policies uniquely in kebab-case", () => {
        const names = allPolicies.map(p => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const n of names) {
            assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
    });
    it("cites a reference in every description", () => {
        for (const p of allPolicies) {
            assert.match(p.description, /\((Checkov|Trivy|CIS|Pod Security|Istio|acgs2)[^)]*\)\.$/, p.name);
        }
    });
    it("keeps index.ts (which starts the analyzer server) out of every other module", () => {
        const sources = ["src", "test"].flatMap(d => fs.readdirSync(path.join(root, d)).filter(f => f.endsWith(".ts")).map(f => path.join(root, d, f)));
        for (const f of sources) {
            assert.doesNotMatch(fs.readFileSync(f, "utf8"), /from "\.\.?\/(\.\.\/)?index"/, f);
        }
    });
});
