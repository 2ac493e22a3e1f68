import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { allPolicies } from "../src/all";

const root = path.join(__dirname, "..", "..");

describe("the acgs2-baseline pack", () => {
    it("has one mandatory policy per SECURITY-BASELINE.md row", () => {
        assert.equal(allPolicies.length, 28);
        for (const p of allPolicies) {
            assert.equal(p.enforcementLevel, "mandatory", p.name);
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
