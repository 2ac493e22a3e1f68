// Test helpers: build the arguments the engine passes to policies (through the same builders the
// offline gate uses: SDK unknown-checking proxy, provider lookup, notApplicable, getConfig = schema
// defaults overlaid by the test pack config test/fixtures/pack-config.json) and collect the reported
// messages.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import {
    Policy, ResourceValidationPolicy, StackValidationPolicy,
} from "@pulumi/policy";

import { PackConfig, parsePackConfigFile, reconcile } from "../src/config";
import { NotApplicable, resourceArgs, SnapshotResource, SnapshotStack, stackArgs } from "../src/engine";
import { ResidencyConfig, UNKNOWN } from "../src/util";

export { NotApplicable };

/** The value the engine sends for a string not known during preview. */
export const U = UNKNOWN;

/** policies/ (tests run from dist/test/). */
export const POLICIES_DIR = path.join(__dirname, "..", "..");

/** The test pack config: the zones of the shipped project, in Pulumi's policy-pack-config format. */
export const PACK_CONFIG_FILE = path.join(POLICIES_DIR, "test", "fixtures", "pack-config.json");

export function loadPackConfig(file: string = PACK_CONFIG_FILE): PackConfig {
    return parsePackConfigFile(fs.readFileSync(file, "utf8"), file);
}

/** The raw JSON of the test pack config (what a config file holds). */
export function packConfigJson(file: string = PACK_CONFIG_FILE): Record<string, any> {
    return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The residency config of the test pack config (as fleet-residency-declared gets it). */
export function residencyOf(config: PackConfig = loadPackConfig()): ResidencyConfig {
    const p = config["fleet-residency-declared"]?.properties ?? {};
    return { zones: p.zones, restrictedZones: p.restrictedZones, defaultRegion: p.defaultRegion };
}

/** What getConfig() returns to `policy` under a config file (default: the test pack config). */
export function configFor(policy: Policy, config: PackConfig = loadPackConfig()): Record<string, any> {
    return reconcile([policy], "mandatory", {}, config).get(policy.name)!.properties;
}

/** A fresh temp dir for a test; remove it with `rmTmp`. */
export function mkTmp(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "acgs2-test-"));
}

export function rmTmp(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}

export const PROJECT = "acgs2-infra";
export const STACK = "test";

export function providerUrn(region: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:aws::aws-${region}`;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

export interface MkOptions {
    /** Provider region (AWS types default to us-east-1; null for no provider). */
    region?: string | null;
    /** Resources this one depends on. */
    deps?: SnapshotResource[];
    protect?: boolean;
    retainOnDelete?: boolean;
    parent?: SnapshotResource;
}

/** A snapshot resource, as the Java plan writes it. */
export function mk(type: string, name: string, inputs: Record<string, any>, o: MkOptions = {}): SnapshotResource {
    const region = o.region === undefined ? (type.startsWith("aws:") ? "us-east-1" : null) : o.region;
    return {
        urn: urnOf(type, name),
        type,
        name,
        parent: o.parent ? o.parent.urn : null,
        provider: region ? { urn: providerUrn(region), region } : null,
        inputs,
        dependencies: (o.deps ?? []).map(d => d.urn),
        protect: o.protect ?? false,
        retainOnDelete: o.retainOnDelete ?? false,
        ignoreChanges: [],
    };
}

/** A stack of the given resources plus the AWS providers they reference. */
export function stackOf(resources: SnapshotResource[]): SnapshotStack {
    const providers = new Map<string, SnapshotResource>();
    for (const r of resources) {
        if (r.provider && r.provider.region && !providers.has(r.provider.urn)) {
            providers.set(r.provider.urn, {
                urn: r.provider.urn, type: "pulumi:providers:aws", name: `aws-${r.provider.region}`, parent: null,
                provider: null, inputs: { region: r.provider.region }, dependencies: [],
            });
        }
    }
    return { stack: STACK, project: PROJECT, resources: [...providers.values(), ...resources] };
}

/** Runs a resource policy on one resource: the reported messages; throws NotApplicable when it does not apply. */
export function check(policy: Policy, r: SnapshotResource, others: SnapshotResource[] = [],
    config: PackConfig = loadPackConfig()): string[] {
    const p = policy as ResourceValidationPolicy;
    const out: string[] = [];
    const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource!];
    for (const v of validations) {
        const ret = v(resourceArgs(r, stackOf([r, ...others]), policy, configFor(policy, config)), (m: string) => out.push(m));
        if (ret instanceof Promise) {
            throw new Error("policies here are synchronous");
        }
    }
    return out;
}

export interface Reported {
    message: string;
    urn?: string;
}

/** Runs a stack policy: the reported messages and URNs; throws NotApplicable when it does not apply. */
export function checkStack(policy: Policy, resources: SnapshotResource[], config: PackConfig = loadPackConfig()): Reported[] {
    const p = policy as StackValidationPolicy;
    const out: Reported[] = [];
    p.validateStack(stackArgs(stackOf(resources), policy, configFor(policy, config)), (message: string, urn?: string) => out.push({ message, urn }));
    return out;
}

export function messages(rs: Reported[]): string[] {
    return rs.map(r => r.message);
}

/** A deep copy with `patch` merged in (undefined values delete the key). */
export function withProps<T extends Record<string, any>>(base: T, patch: Record<string, any>): T {
    const copy = JSON.parse(JSON.stringify(base));
    for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) {
            delete copy[k];
        } else {
            copy[k] = v;
        }
    }
    return copy;
}
