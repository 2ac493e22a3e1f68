// Mutation test against the real program's plan: set ACGS2_PLAN_JSON to the snapshot the Java build
// writes (target/acgs2-plan.json). The unmutated plan must pass; each mutation must be caught by its policy.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { describe, it } from "node:test";

import { allPolicies } from "../src/all";
import { formatReport, parseSnapshot, runPolicies, Snapshot } from "../src/engine";
import { applyMutation, MUTATIONS } from "./mutations";

const planPath = process.env.ACGS2_PLAN_JSON;
const skip = planPath ? false : "ACGS2_PLAN_JSON is not set: point it at the Java plan snapshot (e.g. target/acgs2-plan.json) to run the mutation test";

describe("mutation test against the real plan snapshot", { skip }, () => {
    const snapshot: Snapshot | undefined = planPath ? parseSnapshot(fs.readFileSync(planPath, "utf8")) : undefined;

    it("has zero violations unmutated", async () => {
        const result = await runPolicies(snapshot!);
        assert.deepEqual(result.diagnostics, [], formatReport(result));
    });

    for (const m of MUTATIONS) {
        const applied = snapshot ? applyMutation(snapshot, m) : undefined;
        const reason = applied ? false : `no ${m.types.join(" / ")} in the plan`;
        it(`${m.policy} catches: ${m.what}`, { skip: snapshot ? reason : true }, async () => {
            const result = await runPolicies(applied!.snapshot, allPolicies.filter(p => p.name === m.policy));
            assert.ok(result.diagnostics.some(d => d.policyName === m.policy && d.enforcementLevel === "mandatory"),
                `${m.policy} reported nothing after mutating ${applied!.target.urn}`);
        });
    }
});
