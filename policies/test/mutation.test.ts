// Mutation test against the real program's plan: set ACGS2_PLAN_JSON to the snapshot the Java build
// writes (target/acgs2-plan.json). The unmutated plan must pass; each mutation must be caught by its policy.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { describe, it } from "node:test";

import { allPolicies } from "../src/all";
import { formatReport, parseSnapshot, runPolicies, Snapshot } from "../src/engine";
import { loadPackConfig, PACK_CONFIG_FILE, packConfigJson, residencyOf } from "./helpers";
import { applyMutation, MUTATIONS } from "./mutations";

// The Java build sets both ACGS2_PLAN_JSON and ACGS2_PACK_CONFIG (the file `bin/acgs2 pack-config` writes).
const planPath = process.env.ACGS2_PLAN_JSON;
const configPath = process.env.ACGS2_PACK_CONFIG || PACK_CONFIG_FILE;
const configNote = process.env.ACGS2_PACK_CONFIG
    ? `pack config ${process.env.ACGS2_PACK_CONFIG}`
    : "ACGS2_PACK_CONFIG is not set: falling back to the test pack config test/fixtures/pack-config.json";
const skip = planPath ? false : "ACGS2_PLAN_JSON is not set: point it at the Java plan snapshot (e.g. target/acgs2-plan.json) to run the mutation test";

describe(`mutation test against the real plan snapshot (${configNote})`, { skip }, () => {
    const snapshot: Snapshot | undefined = planPath ? parseSnapshot(fs.readFileSync(planPath, "utf8")) : undefined;
    const config = planPath ? packConfigJson(configPath) : undefined;
    const residency = planPath ? residencyOf(loadPackConfig(configPath)) : undefined;

    it("has zero violations unmutated", async () => {
        const result = await runPolicies(snapshot!, allPolicies, config);
        assert.deepEqual(result.diagnostics, [], formatReport(result));
    });

    for (const m of MUTATIONS) {
        const applied = snapshot ? applyMutation(snapshot, m, residency!) : undefined;
        const reason = applied ? false : `no ${m.types.join(" / ")} in the plan`;
        it(`${m.policy} catches: ${m.what}`, { skip: snapshot ? reason : true }, async () => {
            const result = await runPolicies(applied!.snapshot, allPolicies.filter(p => p.name === m.policy), config);
            assert.ok(result.diagnostics.some(d => d.policyName === m.policy && d.enforcementLevel === "mandatory"),
                `${m.policy} reported nothing after mutating ${applied!.target.urn}`);
        });
    }
});
