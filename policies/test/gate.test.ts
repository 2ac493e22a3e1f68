import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";

import { Policy } from "@pulumi/policy";

import { allPolicies } from "../src/all";
import { normalizePackConfig, reconcile, validatePackConfig } from "../src/config";
import { formatReport, isTypeOf, parseSnapshot, runPacks, runPolicies, Snapshot, SnapshotFormatError } from "../src/engine";
import { loadPack } from "../src/loader";
import { mkTmp, PACK_CONFIG_FILE, packConfigJson, POLICIES_DIR, residencyOf, rmTmp, U } from "./helpers";
import { applyMutation, MUTATIONS } from "./mutations";

const root = POLICIES_DIR;
const gate = path.join(root, "dist", "src", "gate.js");
const fixture = path.join(root, "test", "fixtures", "spine-plan.json");
// The committed plan of the shipped stacks (the Java NothingMovesTest fixture).
const shipped = path.join(root, "..", "src", "test", "resources", "fixtures", "shipped-plan-v1.json");
const awsguardPack = path.join(root, "test", "packs", "awsguard");
const typedPack = path.join(root, "test", "packs", "typed");
const spine = (): Snapshot => parseSnapshot(fs.readFileSync(fixture, "utf8"));
const CFG = ["--pack-config", PACK_CONFIG_FILE];

function runGate(...args: string[]) {
    const r = spawnSync(process.execPath, [gate, ...args], { encoding: "utf8", cwd: root });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The gate's main() in this process, for inputs rejected before any pack is loaded (a spawned node
 * spends over a second loading @pulumi/policy; the exit-code wiring is proven by the spawned runs).
 */
async function gateInProcess(...args: string[]): Promise<{ code: number; err: string }> {
    const { main } = await import("../src/gate");
    const err: string[] = [];
    const [log, error] = [console.log, console.error];
    console.log = (...m: unknown[]) => { err.push(m.join(" ")); };
    console.error = (...m: unknown[]) => { err.push(m.join(" ")); };
    try {
        return { code: await main(args), err: err.join("\n") };
    } finally {
        console.log = log;
        console.error = error;
    }
}

// Every file a test writes goes under one temp dir, removed at the end.
const tmp = mkTmp();
after(() => rmTmp(tmp));
let seq = 0;
function tmpFile(name: string, content: string): string {
    const f = path.join(tmp, `${seq++}-${name}`);
    fs.writeFileSync(f, content);
    return f;
}

describe("offline gate (dist/src/gate.js)", () => {
    it("exits 0 on the spine fixture with the pack config and prints the summary", () => {
        const r = runGate(...CFG, fixture);
        assert.equal(r.code, 0, r.out + r.err);
        assert.equal(r.out.trim(), `Policies: ${allPolicies.length} policies run on 59 resources in 2 stacks, 0 mandatory violations, 0 advisory`);
    });
    it("exits 1 and prints violations as pulumi preview does", () => {
        const snap = spine();
        const tgw = snap.stacks[0].resources.find(r => r.type === "aws:ec2transitgateway/transitGateway:TransitGateway")!;
        tgw.inputs.autoAcceptSharedAttachments = "enable";
        const r = runGate(...CFG, tmpFile("plan.json", JSON.stringify(snap)));
        assert.equal(r.code, 1, r.out + r.err);
        assert.equal(r.out, [
            "Policy Violations:",
            `    [mandatory]  acgs2-baseline v0.1.0  tgw-no-auto-accept (aws:ec2transitgateway/transitGateway:TransitGateway: ${tgw.urn})`,
            "    Transit gateways do not auto-accept shared attachments (Checkov CKV_AWS_331).",
            "    Transit gateway auto-accepts shared attachments (autoAcceptSharedAttachments: \"enable\"): set it to \"disable\".",
            "",
            `Policies: ${allPolicies.length} policies run on 59 resources in 2 stacks, 1 mandatory violations, 0 advisory`,
            "",
        ].join("\n"));
    });
    it("exits 2 (spawned) on bad arguments", () => {
        const r = runGate("--frobnicate", fixture);
        assert.equal(r.code, 2, r.out + r.err);
        assert.match(r.err, /usage: /);
    });
    it("exits 2 when the file is missing, not JSON, or not a snapshot, or on bad arguments", async () => {
        assert.equal((await gateInProcess(...CFG, path.join(tmp, "no-such-acgs2-plan.json"))).code, 2);
        assert.equal((await gateInProcess(...CFG, tmpFile("bad.json", "{not json"))).code, 2);
        assert.equal((await gateInProcess(...CFG, tmpFile("wrong.json", JSON.stringify({ stacks: [{ stack: "x", resources: [{ urn: "u" }] }] })))).code, 2);
        assert.equal((await gateInProcess(...CFG, tmpFile("empty.json", JSON.stringify({ stacks: [] })))).code, 2);
        assert.equal((await gateInProcess()).code, 2);
        assert.equal((await gateInProcess(...CFG)).code, 2);
        assert.equal((await gateInProcess("--frobnicate", fixture)).code, 2);
        assert.equal((await gateInProcess("--pack", fixture)).code, 2);
        assert.equal((await gateInProcess(...CFG, ...CFG, fixture)).code, 2, "two configs for one pack");
        assert.equal((await gateInProcess("--pack", path.join(tmp, "no-such-pack"), fixture)).code, 2);
    });
    it("names the first bad field of a malformed snapshot", () => {
        assert.throws(() => parseSnapshot(JSON.stringify({ stacks: [{ stack: "x", resources: [{ urn: "u", type: "t" }] }] })),
            (e: Error) => e instanceof SnapshotFormatError && e.message === "$.stacks[0].resources[0].name: expected a non-empty string");
    });
});

describe("pack config (as the Pulumi CLI reads and validates it)", () => {
    it("refuses to run without --pack-config, as the CLI does: exit 2 naming policy, property and fix", () => {
        const r = runGate(fixture);
        assert.equal(r.code, 2, r.out + r.err);
        assert.equal(r.out, "");
        for (const p of ["data-residency-in-zone", "replication-stays-in-zone", "fleet-residency-declared"]) {
            for (const prop of ["zones", "restrictedZones"]) {
                assert.ok(r.err.includes(`gate: validating policy config: acgs2-baseline 0.1.0  ${p}: ${prop} is required\n`), r.err);
            }
        }
        assert.ok(r.err.includes("pass --pack-config, generated by `bin/acgs2 pack-config`"), r.err);
    });
    it("refuses a config whose values have the wrong type, and a file not in the format", () => {
        const cfg = packConfigJson();
        cfg["replication-stays-in-zone"].restrictedZones = "gdpr";
        const r = runGate("--pack-config", tmpFile("cfg.json", JSON.stringify(cfg)), fixture);
        assert.equal(r.code, 2);
        assert.match(r.err, /replication-stays-in-zone: restrictedZones: Invalid type\. Expected: array, given: string/);
        assert.equal(runGate("--pack-config", tmpFile("cfg.json", "[1]"), fixture).code, 2);
        assert.equal(runGate("--pack-config", tmpFile("cfg.json", JSON.stringify({ all: "strict" })), fixture).code, 2);
        assert.equal(runGate("--pack-config", tmpFile("cfg.json", JSON.stringify({ x: 1 })), fixture).code, 2);
        assert.equal(runGate("--pack-config", path.join(tmp, "missing.json"), fixture).code, 2);
    });
    it("applies \"all\", a bare level string, and enforcementLevel inside a policy object", () => {
        const snap = spine();
        snap.stacks[0].resources.find(r => r.type === "aws:ec2transitgateway/transitGateway:TransitGateway")!
            .inputs.autoAcceptSharedAttachments = "enable";
        const plan = tmpFile("plan.json", JSON.stringify(snap));
        const withCfg = (extra: Record<string, any>) => tmpFile("cfg.json", JSON.stringify({ ...packConfigJson(), ...extra }));
        let r = runGate("--pack-config", withCfg({ all: "advisory" }), plan);
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, /\[advisory\] {2}acgs2-baseline v0\.1\.0 {2}tgw-no-auto-accept/);
        assert.match(r.out, /0 mandatory violations, 1 advisory$/m);
        r = runGate("--pack-config", withCfg({ "tgw-no-auto-accept": "disabled" }), plan);
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, /0 mandatory violations, 0 advisory/);
        r = runGate("--pack-config", withCfg({ all: "advisory", "tgw-no-auto-accept": { enforcementLevel: "mandatory" } }), plan);
        assert.equal(r.code, 1, r.out + r.err);
    });
    it("reconciles like the CLI: defaults < initialConfig < file; levels: file all < file policy; validation by schema", () => {
        const p = { name: "p", description: "d", enforcementLevel: "advisory",
            configSchema: { properties: { a: { type: "integer", default: 1 }, b: { type: "string" } }, required: ["b"] },
            validateResource: () => undefined } as Policy;
        const q = { name: "q", description: "d", validateResource: () => undefined } as Policy;
        const eff = reconcile([p, q], "mandatory", normalizePackConfig({ p: { b: "init", enforcementLevel: "disabled" }, q: "advisory" }),
            normalizePackConfig({ all: "mandatory", p: { a: 2 } }));
        assert.deepEqual(eff.get("p"), { enforcementLevel: "mandatory", properties: { a: 2, b: "init" } });
        assert.deepEqual(eff.get("q"), { enforcementLevel: "mandatory", properties: {} });
        assert.deepEqual(validatePackConfig([p], reconcile([p], undefined, {}, {})), ["p: b is required"]);
        assert.equal(reconcile([q], undefined, {}, {}).get("q")!.enforcementLevel, "advisory");
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
    it("implements args.isType/asType and PolicyResource.isType as the SDK does (__pulumiType, else isInstance)", async () => {
        class Key {}
        (Key as any).__pulumiType = "aws:kms/key:Key";
        const Vpc = { isInstance: (o: any) => o?.__pulumiType === "aws:ec2/vpc:Vpc" };
        assert.ok(isTypeOf("aws:kms/key:Key", Key) && !isTypeOf("aws:ec2/vpc:Vpc", Key));
        assert.ok(isTypeOf("aws:ec2/vpc:Vpc", Vpc) && !isTypeOf("aws:kms/key:Key", Vpc) && !isTypeOf("x", {}));
        let keys = 0;
        let vpcs = 0;
        const probe = { name: "probe", description: "probe", enforcementLevel: "advisory",
            validateResource: (args: any) => { if (args.isType(Key) && args.asType(Key) === args.props) { keys++; } },
            validateStack: (args: any) => { vpcs += args.resources.filter((r: any) => r.isType(Vpc)).length; } };
        await runPolicies(spine(), [probe as any]);
        assert.equal(keys, spine().stacks.flatMap(s => s.resources).filter(r => r.type === "aws:kms/key:Key").length);
        assert.equal(vpcs, 2);
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
        const result = await runPolicies(snap, allPolicies, packConfigJson());
        assert.deepEqual(result.diagnostics, [], formatReport(result));
    });
    it("the mutation table is caught on the fixture for every type it contains", async () => {
        let applied = 0;
        for (const m of MUTATIONS) {
            const a = applyMutation(spine(), m, residencyOf());
            if (!a) {
                continue;
            }
            applied++;
            const result = await runPolicies(a.snapshot, allPolicies.filter(p => p.name === m.policy), packConfigJson());
            assert.ok(result.diagnostics.some(d => d.policyName === m.policy && d.enforcementLevel === "mandatory"), `${m.policy}: ${m.what}`);
        }
        assert.equal(applied, 8);
    });
});

describe("loading packs through their entry point", () => {
    it("loads the project pack from its entry point (index.ts, compiled) with a recording PolicyPack, not the analyzer server", () => {
        const pack = loadPack(root);
        assert.equal(pack.name, "acgs2-baseline");
        assert.equal(pack.version, "0.1.0");
        assert.equal(pack.enforcementLevel, "mandatory");
        assert.deepEqual(pack.policies.map(p => p.name), allPolicies.map(p => p.name));
        assert.equal(pack.policies[0], allPolicies[0], "the same policy objects as src/all.ts");
    });
    it("--pack may name the project pack, with its --pack-config after it", () => {
        const r = runGate("--pack", ".", ...CFG, fixture);
        assert.equal(r.code, 0, r.out + r.err);
        assert.equal(r.out.trim(), `Policies: ${allPolicies.length} policies run on 59 resources in 2 stacks, 0 mandatory violations, 0 advisory`);
        const before = runGate(...CFG, "--pack", root, fixture);
        assert.equal(before.code, 0, before.out + before.err);
        assert.equal(runGate("--pack", ".", ...CFG, "--pack", root, fixture).code, 2, "the project pack named twice");
        assert.equal(runGate(...CFG, "--pack", ".", ...CFG, fixture).code, 2, "two configs for the project pack");
    });
    it("runs a standard-style typed pack (validateResourceOfType, validateStackResourcesOfType) with its initialConfig", () => {
        // initialConfig maxVpcs 1 (over the schema default 0): one VPC per stack passes.
        // The project pack always runs too (first, with the config given before any --pack).
        let r = runGate(...CFG, "--pack", typedPack, fixture);
        assert.equal(r.code, 0, r.out + r.err);
        assert.equal(r.out.trim(), `Policies: ${allPolicies.length + 2} policies run on 59 resources in 2 stacks, 0 mandatory violations, 0 advisory`);
        // A config file setting maxVpcs 0: the stack policy (no level anywhere: advisory) fires per stack.
        r = runGate(...CFG, "--pack", typedPack, "--pack-config", tmpFile("typed.json", JSON.stringify({ "typed-vpc-count": { maxVpcs: 0 } })), fixture);
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, /\[advisory\] {2}typed-test v1\.2\.3 {2}typed-vpc-count \(pulumi:pulumi:Stack: [^)]*\)\n {4}Counts VPCs \(typed stack policy\)\.\n {4}1 VPCs, more than 0\n/);
        assert.match(r.out, /0 mandatory violations, 2 advisory$/m);
        const snap = spine();
        const key = snap.stacks[0].resources.find(x => x.type === "aws:kms/key:Key")!;
        key.inputs.enableKeyRotation = false;
        r = runGate(...CFG, "--pack", typedPack, tmpFile("plan.json", JSON.stringify(snap)));
        assert.equal(r.code, 1, r.out + r.err);
        assert.ok(r.out.includes(`[mandatory]  typed-test v1.2.3  typed-key-rotation (aws:kms/key:Key: ${key.urn})`), r.out);
        assert.ok(r.out.includes(`key ${key.name} does not rotate`), r.out);
    });
    it("gives a pack's config file precedence over its initialConfig, and counts policies over all packs", () => {
        const snap = spine();
        const plan = tmpFile("plan.json", JSON.stringify(snap));
        const cfg = tmpFile("typed.json", JSON.stringify({ "typed-vpc-count": { maxVpcs: 5, enforcementLevel: "mandatory" }, "typed-key-rotation": "advisory" }));
        const r = runGate("--pack", ".", ...CFG, "--pack", typedPack, "--pack-config", cfg, plan);
        const keys = snap.stacks.flatMap(s => s.resources).filter(x => x.type === "aws:kms/key:Key" && x.inputs.enableKeyRotation !== true).length;
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, new RegExp(`^Policies: ${allPolicies.length + 2} policies run on 59 resources in 2 stacks, 0 mandatory violations, ${keys} advisory$`, "m"));
    });
    it("runs a TypeScript pack (index.ts) through ts-node", () => {
        const dir = path.join(tmp, "ts-pack");
        fs.mkdirSync(dir);
        fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "ts-pack", version: "0.0.7" }));
        fs.writeFileSync(path.join(dir, "index.ts"), [
            "import { PolicyPack, ResourceValidationArgs } from \"@pulumi/policy\";",
            "const n: number = 1;",
            "new PolicyPack(\"ts-pack\", { enforcementLevel: \"mandatory\", policies: [{ name: \"no-tgw\", description: \"No TGW.\",",
            "    validateResource: (args: ResourceValidationArgs, report) => { if (args.type.includes(\"transitGateway:\") && n) { report(\"tgw\"); } } }] });",
            "",
        ].join("\n"));
        const r = runGate(...CFG, "--pack", dir, fixture);
        assert.equal(r.code, 1, r.out + r.err);
        assert.match(r.out, /\[mandatory\] {2}ts-pack v0\.0\.7 {2}no-tgw/);
    });
    it("fails (exit 2) a pack that constructs no PolicyPack or has no version", () => {
        const dir = path.join(tmp, "empty-pack");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.js"), "module.exports = {};\n");
        assert.equal(runGate(...CFG, "--pack", dir, fixture).code, 2, "no version");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "e", version: "1.0.0" }));
        const r = runGate(...CFG, "--pack", dir, fixture);
        assert.equal(r.code, 2);
        assert.match(r.err, /constructs no PolicyPack/);
    });
});

describe("Pulumi's published AWS Guard pack (@pulumi/awsguard), offline", () => {
    // [what, plan, the project pack's config for it]. The current plan is gated with AwsGuard by the Java
    // PolicyGateTest through bin/acgs2; here the committed plan of the shipped stacks.
    const plans: [string, string, string][] = [["the shipped plan", shipped, PACK_CONFIG_FILE]];
    for (const [what, plan, config] of plans) {
        it(`exits 0 on ${what} with every AwsGuard policy mandatory (next to the project pack)`, () => {
            const r = runGate("--pack-config", config, "--pack", awsguardPack, plan);
            assert.equal(r.code, 0, r.out + r.err);
            assert.match(r.out, /^Policies: \d+ policies run on \d+ resources in \d+ stacks, 0 mandatory violations, \d+ advisory$/m);
        });
        it(`exits 1 on ${what} naming cmk-backing-key-rotation-enabled and the key when a KMS key stops rotating`, () => {
            const snap = parseSnapshot(fs.readFileSync(plan, "utf8"));
            const key = snap.stacks.flatMap(s => s.resources).find(x => x.type === "aws:kms/key:Key");
            assert.ok(key, "the plan has a KMS key");
            key!.inputs.enableKeyRotation = false;
            const r = runGate("--pack-config", config, "--pack", awsguardPack, tmpFile("plan.json", JSON.stringify(snap)));
            assert.equal(r.code, 1, r.out + r.err);
            assert.ok(r.out.includes(`[mandatory]  pulumi-awsguard v0.3.1  cmk-backing-key-rotation-enabled (aws:kms/key:Key: ${key!.urn})`), r.out);
        });
    }
    it("runs next to the project pack: both packs named, policies counted over both", () => {
        const r = runGate("--pack", ".", ...CFG, "--pack", awsguardPack, shipped);
        assert.equal(r.code, 0, r.out + r.err);
        const aws = loadPack(awsguardPack).policies.length;
        assert.match(r.out, new RegExp(`^Policies: ${allPolicies.length + aws} policies run on 125 resources in 2 stacks, 0 mandatory violations, \\d+ advisory$`, "m"));
    });
    it("records AwsGuard's name, policies and initialConfig through the stub (a PolicyPack subclass)", async () => {
        const pack = loadPack(awsguardPack);
        assert.equal(pack.name, "pulumi-awsguard");
        assert.ok(pack.policies.some(p => p.name === "cmk-backing-key-rotation-enabled"));
        assert.equal((pack.initialConfig as any).all, "mandatory");
        const result = await runPacks(parseSnapshot(fs.readFileSync(shipped, "utf8")), [pack]);
        assert.equal(result.diagnostics.filter(d => d.enforcementLevel === "mandatory").length, 0, formatReport(result));
    });
});

describe("a foreign pack installed by npm into its own directory, gated from elsewhere (bin/acgs2 gate --pack)", () => {
    // What a user does: an empty directory, `npm install @pulumi/awsguard@0.3.1` with its own
    // @pulumi/policy and @pulumi/pulumi, an index.js that constructs the pack at its own default
    // levels; then the gate run from another directory. The pack must load through its own copy of
    // @pulumi/policy (whose policy.js is loaded circularly through server.js), from its own directory.
    const acgs2 = path.join(root, "..", "bin", "acgs2");
    const packDir = path.join(tmp, "awsguard-pack");
    const elsewhere = path.join(tmp, "elsewhere");
    let installed: { code: number | null; out: string } | undefined;
    function install() {
        if (installed) {
            return installed;
        }
        fs.mkdirSync(packDir, { recursive: true });
        fs.mkdirSync(elsewhere, { recursive: true });
        fs.writeFileSync(path.join(packDir, "package.json"), JSON.stringify({
            name: "my-awsguard", version: "1.0.0", private: true, main: "index.js",
            dependencies: { "@pulumi/awsguard": "0.3.1", "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.270.0" },
        }, null, 2));
        fs.writeFileSync(path.join(packDir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: AWS Guard at its default levels\n");
        fs.writeFileSync(path.join(packDir, "index.js"), 'const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard();\n');
        const r = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
            { cwd: packDir, encoding: "utf8", timeout: 240_000 });
        installed = { code: r.status, out: (r.stdout ?? "") + (r.stderr ?? "") };
        return installed;
    }
    function gateFromElsewhere(plan: string) {
        const r = spawnSync(acgs2, ["gate", ...CFG, "--pack", packDir, plan], { cwd: elsewhere, encoding: "utf8" });
        return { code: r.status, out: r.stdout, err: r.stderr };
    }

    it("exits 0 on the shipped plan and names the pack with its policies at AwsGuard's own levels", () => {
        const i = install();
        assert.equal(i.code, 0, `npm install failed: ${i.out}`);
        assert.ok(fs.existsSync(path.join(packDir, "node_modules", "@pulumi", "policy", "policy.js")), "its own @pulumi/policy");
        const r = gateFromElsewhere(shipped);
        assert.equal(r.code, 0, r.out + r.err);
        const aws = loadPack(packDir);
        assert.equal(aws.name, "pulumi-awsguard");
        assert.equal(aws.version, "1.0.0", "the version is the pack directory's package.json, as the analyzer reads it");
        assert.match(r.err, new RegExp(`^Pack pulumi-awsguard v1\\.0\\.0 \\(${packDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\): .*advisory.*; found 0 mandatory, \\d+ advisory$`, "m"));
        assert.match(r.err, new RegExp(`^Pack acgs2-baseline v\\S+ \\(.*\\): ${allPolicies.length} mandatory; found 0 mandatory, 0 advisory$`, "m"));
    });
    it("lists a finding at the pack's own level: a KMS key without rotation is advisory in AwsGuard's defaults", () => {
        assert.equal(install().code, 0);
        const snap = parseSnapshot(fs.readFileSync(shipped, "utf8"));
        const key = snap.stacks.flatMap(s => s.resources).find(x => x.type === "aws:kms/key:Key")!;
        key.inputs.enableKeyRotation = false;
        const r = gateFromElsewhere(tmpFile("no-rotation.json", JSON.stringify(snap)));
        // the project pack blocks it too; AwsGuard reports it at its own (advisory) level
        assert.ok(r.out.includes(`[advisory]  pulumi-awsguard v1.0.0  cmk-backing-key-rotation-enabled (aws:kms/key:Key: ${key.urn})`), r.out + r.err);
    });
});
