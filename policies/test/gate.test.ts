import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import { Policy } from "@pulumi/policy";

import { allPolicies } from "../src/all";
import { formatReport, parseSnapshot, runPolicies, Snapshot, SnapshotFormatError } from "../src/engine";
import { U } from "./helpers";
import { applyMutation, MUTATIONS } from "./mutations";

const root = path.join(__dirname, "..", "..");
const gate = path.join(root, "dist", "src", "gate.js");
const fixture = path.join(root, "test", "fixtures", "spine-plan.json");
const spine = (): Snapshot => parseSnapshot(fs.readFileSync(fixture, "utf8"));

function runGate(...args: string[]) {
    const r = spawnSync(process.execPath, [gate, ...args], { encoding: "utf8" });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpFile(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acgs2-gate-"));
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
}

describe("offline gate (dist/src/gate.js)", () => {
    it("exits 0 on the spine fixture and prints the summary", () => {
        const r = runGate(fixture);
        assert.equal(r.code, 0, r.out + r.err);
        assert.equal(r.out.trim(), "Policies: 28 policies run on 59 resources in 2 stacks, 0 mandatory violations, 0 advisory");
    });
    it("exits 1 and prints violations as pulumi preview does", () => {
        const snap = spine();
        const tgw = snap.stacks[0].resources.find(r => r.type === "aws:ec2transitgateway/transitGateway:TransitGateway")!;
        tgw.inputs.autoAcceptSharedAttachments = "enable";
        const r = runGate(tmpFile("plan.json", JSON.stringify(snap)));
        assert.equal(r.code, 1, r.out + r.err);
        assert.equal(r.out, [
            "Policy Violations:",
            `    [mandatory]  acgs2-baseline v0.1.0  tgw-no-auto-accept (aws:ec2transitgateway/transitGateway:TransitGateway: ${tgw.urn})`,
            "    Transit gateways do not auto-accept shared attachments (Checkov CKV_AWS_331).",
            "    Transit gateway auto-accepts shared attachments (autoAcceptSharedAttachments: \"enable\"): set it to \"disable\".",
            "",
            "Policies: 28 policies run on 59 resources in 2 stacks, 1 mandatory violations, 0 advisory",
            "",
        ].join("\n"));
    });
    it("exits 2 when the file is missing, not JSON, or not a snapshot", () => {
        assert.equal(runGate(path.join(os.tmpdir(), "no-such-acgs2-plan.json")).code, 2);
        assert.equal(runGate(tmpFile("bad.json", "{not json")).code, 2);
        assert.equal(runGate(tmpFile("wrong.json", JSON.stringify({ stacks: [{ stack: "x", resources: [{ urn: "u" }] }] }))).code, 2);
        assert.equal(runGate(tmpFile("empty.json", JSON.stringify({ stacks: [] }))).code, 2);
        assert.equal(runGate().code, 2);
    });
    it("names the first bad field of a malformed snapshot", () => {
        assert.throws(() => parseSnapshot(JSON.stringify({ stacks: [{ stack: "x", resources: [{ urn: "u", type: "t" }] }] })),
            (e: Error) => e instanceof SnapshotFormatError && e.message === "$.stacks[0].resources[0].name: expected a non-empty string");
    });
});

describe("engine emulation", () => {
    it("passes provider props so policies read args.provider.props.region", async () => {
        const snap = spine();
        const seen: string[] = [];
        const probe: Policy = {
            name: "probe", description: "probe", enforcementLevel: "advisory",
            validateResource: (args: any) => { if (args.type === "aws:ec2/vpc:Vpc") { seen.push(args.provider.props.region); } },
        } as Policy;
        await runPolicies(snap, [probe as any]);
        assert.deepEqual(seen, ["us-east-1", "eu-central-1"]);
    });
    it("sends every resource, providers and the root stack included, to resource policies", async () => {
        const types = new Set<string>();
        const probe = { name: "probe", description: "probe", enforcementLevel: "advisory",
            validateResource: (args: any) => { types.add(args.type); } };
        await runPolicies(spine(), [probe as any]);
        assert.ok(types.has("pulumi:providers:aws") && types.has("pulumi:pulumi:Stack") && types.has("acgs2:network:RegionalNetwork"));
    });
    it("turns a raw read of an unknown value into an advisory, as the SDK does", async () => {
        const snap = spine();
        snap.stacks[0].resources.find(r => r.type === "aws:ec2/vpc:Vpc")!.inputs.cidrBlock = U;
        const raw = { name: "raw-reader", description: "reads cidrBlock", enforcementLevel: "mandatory",
            validateResource: (args: any) => { if (args.type === "aws:ec2/vpc:Vpc") { void args.props.cidrBlock; } } };
        const result = await runPolicies(snap, [raw as any]);
        assert.equal(result.diagnostics.length, 1);
        assert.equal(result.diagnostics[0].enforcementLevel, "advisory");
        assert.match(result.diagnostics[0].message, /^can't run policy 'raw-reader' from policy pack 'acgs2-baseline@v0.1.0' during preview: string value at \.cidrBlock can't be known during preview$/);
    });
    it("runs the baseline on a plan full of unknowns without violations or advisories", async () => {
        const snap = spine();
        for (const r of snap.stacks[0].resources) {
            for (const k of Object.keys(r.inputs)) {
                if (k !== "tags" && k !== "value" && k !== "region") {
                    r.inputs[k] = U;
                }
            }
        }
        const result = await runPolicies(snap);
        assert.deepEqual(result.diagnostics, [], formatReport(result));
    });
    it("the mutation table is caught on the fixture for every type it contains", async () => {
        let applied = 0;
        for (const m of MUTATIONS) {
            const a = applyMutation(spine(), m);
            if (!a) {
                continue;
            }
            applied++;
            const result = await runPolicies(a.snapshot, allPolicies.filter(p => p.name === m.policy));
            assert.ok(result.diagnostics.some(d => d.policyName === m.policy && d.enforcementLevel === "mandatory"), `${m.policy}: ${m.what}`);
        }
        assert.equal(applied, 8);
    });
});
