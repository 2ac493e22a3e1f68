// An offline stand-in for the Pulumi engine's policy analyzer: reads the Java plan snapshot
// (contract in policies/README.md), builds the arguments the engine would, and runs the policies.
// It mirrors @pulumi/policy 1.21.0's server.ts: every registered resource (providers, components and
// the root stack included) goes to every resource policy; props go through the SDK's
// unknown-checking proxy; a policy reading an unknown value gets an advisory "can't run" diagnostic;
// getConfig returns the config schema defaults (as the CLI fills them in); violation messages are
// the policy description, a newline, and the reported message.
import * as fs from "fs";
import * as path from "path";

import {
    EnforcementLevel,
    Policies,
    Policy,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

import { allPolicies, PACK_NAME } from "./all";

// The SDK's proxy module is internal (no typings) but it is the exact code the analyzer uses.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkProxy: {
    unknownCheckingProxy(v: any): any;
    UnknownValueError: new (...args: any[]) => Error;
} = require("@pulumi/policy/proxy");

// ---------------------------------------------------------------------------------------------
// Snapshot format
// ---------------------------------------------------------------------------------------------

export interface SnapshotProviderRef {
    urn: string;
    region?: string | null;
}

export interface SnapshotResource {
    urn: string;
    type: string;
    name: string;
    parent?: string | null;
    provider?: SnapshotProviderRef | null;
    inputs: Record<string, any>;
    dependencies?: string[];
    protect?: boolean;
    retainOnDelete?: boolean;
    ignoreChanges?: string[];
}

export interface SnapshotStack {
    stack: string;
    project?: string;
    resources: SnapshotResource[];
    outputs?: Record<string, any>;
}

export interface Snapshot {
    stacks: SnapshotStack[];
}

export class SnapshotFormatError extends Error {}

/** Validates the snapshot's shape; throws SnapshotFormatError naming the first bad field. */
export function parseSnapshot(text: string): Snapshot {
    let data: any;
    try {
        data = JSON.parse(text);
    } catch (e) {
        throw new SnapshotFormatError(`not JSON: ${(e as Error).message}`);
    }
    const fail = (where: string, what: string): never => {
        throw new SnapshotFormatError(`${where}: ${what}`);
    };
    if (!data || typeof data !== "object" || !Array.isArray(data.stacks)) {
        fail("$", "expected an object with a \"stacks\" array");
    }
    if (data.stacks.length === 0) {
        fail("$.stacks", "is empty");
    }
    data.stacks.forEach((s: any, i: number) => {
        const at = `$.stacks[${i}]`;
        if (!s || typeof s !== "object") {
            fail(at, "expected an object");
        }
        if (typeof s.stack !== "string" || s.stack === "") {
            fail(`${at}.stack`, "expected a non-empty string");
        }
        if (!Array.isArray(s.resources)) {
            fail(`${at}.resources`, "expected an array");
        }
        s.resources.forEach((r: any, j: number) => {
            const rat = `${at}.resources[${j}]`;
            if (!r || typeof r !== "object") {
                fail(rat, "expected an object");
            }
            for (const k of ["urn", "type", "name"]) {
                if (typeof r[k] !== "string" || r[k] === "") {
                    fail(`${rat}.${k}`, "expected a non-empty string");
                }
            }
            if (r.inputs === undefined || r.inputs === null) {
                r.inputs = {};
            }
            if (typeof r.inputs !== "object" || Array.isArray(r.inputs)) {
                fail(`${rat}.inputs`, "expected an object");
            }
            if (r.parent !== undefined && r.parent !== null && typeof r.parent !== "string") {
                fail(`${rat}.parent`, "expected a URN or null");
            }
            if (r.provider !== undefined && r.provider !== null &&
                (typeof r.provider !== "object" || typeof r.provider.urn !== "string")) {
                fail(`${rat}.provider`, "expected {urn, region} or null");
            }
            if (r.dependencies !== undefined && (!Array.isArray(r.dependencies) ||
                r.dependencies.some((d: unknown) => typeof d !== "string"))) {
                fail(`${rat}.dependencies`, "expected an array of URNs");
            }
        });
    });
    return data as Snapshot;
}

// ---------------------------------------------------------------------------------------------
// Engine-like arguments
// ---------------------------------------------------------------------------------------------

/** What `args.notApplicable()` throws here (the SDK's own NotApplicableError is not exported). */
export class NotApplicable extends Error {
    constructor(public readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

export function throwNotApplicable(reason?: string): never {
    throw new NotApplicable(reason);
}

/** The config the CLI passes a policy when the user sets none: the defaults of its configSchema. */
export function defaultConfig(policy: Policy): Record<string, any> {
    const out: Record<string, any> = {};
    const props = policy.configSchema?.properties ?? {};
    for (const k of Object.keys(props)) {
        if (props[k].default !== undefined) {
            out[k] = JSON.parse(JSON.stringify(props[k].default));
        }
    }
    return out;
}

function proxied(v: any): any {
    // A deep copy, so policies (and mutations) never share state between runs.
    return sdkProxy.unknownCheckingProxy(JSON.parse(JSON.stringify(v ?? {})));
}

function urnName(urn: string): string {
    return urn.substring(urn.lastIndexOf("::") + 2);
}

function providerOf(r: SnapshotResource, byUrn: Map<string, SnapshotResource>): PolicyProviderResource | undefined {
    if (!r.provider) {
        return undefined;
    }
    const p = byUrn.get(r.provider.urn);
    if (p) {
        return { type: p.type, props: proxied(p.inputs), urn: p.urn, name: p.name };
    }
    // A provider not in the snapshot (e.g. a default provider): what the reference tells.
    const typeMatch = /::(pulumi:providers:[^:]+)::/.exec(r.provider.urn);
    return {
        type: typeMatch ? typeMatch[1] : "pulumi:providers:unknown",
        props: proxied(r.provider.region ? { region: r.provider.region } : {}),
        urn: r.provider.urn,
        name: urnName(r.provider.urn),
    };
}

export type EngineOptions = PolicyResourceOptions & { retainOnDelete: boolean; dependencies: string[] };

function optionsOf(r: SnapshotResource): EngineOptions {
    const opts: EngineOptions = {
        protect: r.protect === true,
        ignoreChanges: r.ignoreChanges ?? [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        retainOnDelete: r.retainOnDelete === true,
        dependencies: r.dependencies ?? [],
    };
    if (r.parent) {
        opts.parent = r.parent;
    }
    return opts;
}

const noTypes = {
    isType: () => false,
    asType: () => undefined,
};

export function resourceArgs(r: SnapshotResource, stack: SnapshotStack, policy: Policy): ResourceValidationArgs {
    const byUrn = new Map(stack.resources.map(x => [x.urn, x]));
    const args: ResourceValidationArgs = {
        type: r.type,
        props: proxied(r.inputs),
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        stackTags: new Map(),
        ...noTypes,
        getConfig: <T extends object>() => defaultConfig(policy) as T,
        notApplicable: throwNotApplicable,
    };
    const provider = providerOf(r, byUrn);
    if (provider) {
        args.provider = provider;
    }
    return args;
}

export function stackArgs(stack: SnapshotStack, policy: Policy): StackValidationArgs {
    const byUrn = new Map(stack.resources.map(x => [x.urn, x]));
    const resources = new Map<string, PolicyResource>();
    for (const r of stack.resources) {
        const pr: PolicyResource = {
            type: r.type,
            props: proxied(r.inputs),
            urn: r.urn,
            name: r.name,
            opts: optionsOf(r),
            dependencies: [],
            propertyDependencies: {},
            ...noTypes,
        };
        const provider = providerOf(r, byUrn);
        if (provider) {
            pr.provider = provider;
        }
        resources.set(r.urn, pr);
    }
    for (const r of stack.resources) {
        const pr = resources.get(r.urn)!;
        if (r.parent && resources.has(r.parent)) {
            pr.parent = resources.get(r.parent);
        }
        pr.dependencies = (r.dependencies ?? []).map(d => resources.get(d)).filter((d): d is PolicyResource => !!d);
    }
    return {
        resources: [...resources.values()],
        stackTags: new Map(),
        getConfig: <T extends object>() => defaultConfig(policy) as T,
        notApplicable: throwNotApplicable,
    };
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

export interface Diagnostic {
    stack: string;
    policyName: string;
    enforcementLevel: EnforcementLevel;
    /** Description, newline, reported message: what `pulumi preview` prints. */
    message: string;
    /** The reported message alone. */
    detail: string;
    urn?: string;
    type?: string;
}

export interface RunResult {
    diagnostics: Diagnostic[];
    policyCount: number;
    resourceCount: number;
    stackCount: number;
}

function isResourcePolicy(p: Policy): p is ResourceValidationPolicy {
    return (p as ResourceValidationPolicy).validateResource !== undefined;
}

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

export async function runPolicies(snapshot: Snapshot, policies: Policies = allPolicies): Promise<RunResult> {
    const diagnostics: Diagnostic[] = [];
    let resourceCount = 0;
    for (const stack of snapshot.stacks) {
        resourceCount += stack.resources.length;
        const typeOf = new Map(stack.resources.map(r => [r.urn, r.type]));
        const stackUrn = stack.resources.find(r => r.type === "pulumi:pulumi:Stack")?.urn;
        for (const p of policies) {
            const level: EnforcementLevel = p.enforcementLevel ?? "advisory";
            if (level === "disabled") {
                continue;
            }
            const push = (detail: string, urn: string | undefined, lvl: EnforcementLevel = level, whole?: string) => {
                diagnostics.push({
                    stack: stack.stack,
                    policyName: p.name,
                    enforcementLevel: lvl === "remediate" ? "mandatory" : lvl,
                    message: whole ?? (detail ? `${p.description}\n${detail}` : p.description),
                    detail,
                    urn,
                    type: urn ? typeOf.get(urn) : undefined,
                });
            };
            const guard = async (urn: string | undefined, fn: () => unknown) => {
                try {
                    await Promise.resolve(fn());
                } catch (e) {
                    if (e instanceof NotApplicable) {
                        return;
                    }
                    if (e instanceof sdkProxy.UnknownValueError) {
                        const msg = `can't run policy '${p.name}' from policy pack '${PACK_NAME}@v${packVersion()}' ` +
                            `during preview: ${(e as Error).message}`;
                        push(msg, urn, "advisory", msg);
                        return;
                    }
                    // The engine fails the preview when a policy throws; here that blocks like a mandatory violation.
                    push(`policy failed: ${(e as Error).stack ?? e}`, urn, "mandatory");
                }
            };
            if (isResourcePolicy(p) && p.validateResource) {
                const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
                for (const r of stack.resources) {
                    for (const v of validations) {
                        // The engine attributes resource-policy diagnostics to the analyzed resource.
                        await guard(r.urn, () => v(resourceArgs(r, stack, p), (m: string) => push(m, r.urn)));
                    }
                }
            }
            if (isStackPolicy(p)) {
                await guard(stackUrn, () => p.validateStack(stackArgs(stack, p), (m: string, urn?: string) => push(m, urn ?? stackUrn)));
            }
        }
    }
    return { diagnostics, policyCount: policies.length, resourceCount, stackCount: snapshot.stacks.length };
}

let version: string | undefined;

/** The pack's version, from the package.json above this file (src/ or dist/src/). */
export function packVersion(): string {
    if (version === undefined) {
        version = "0.0.0";
        for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
            const f = path.join(dir, "package.json");
            if (fs.existsSync(f)) {
                const pkg = JSON.parse(fs.readFileSync(f, "utf8"));
                if (pkg.name === PACK_NAME) {
                    version = pkg.version;
                    break;
                }
            }
        }
    }
    return version!;
}

/** Formats the result as `pulumi preview` prints policy violations, plus a summary line. */
export function formatReport(result: RunResult): string {
    const lines: string[] = [];
    if (result.diagnostics.length > 0) {
        lines.push("Policy Violations:");
        for (const d of result.diagnostics) {
            const where = d.urn ? `${d.type ?? "resource"}: ${d.urn}` : `stack: ${d.stack}`;
            lines.push(`    [${d.enforcementLevel}]  ${PACK_NAME} v${packVersion()}  ${d.policyName} (${where})`);
            for (const l of d.message.split("\n")) {
                lines.push(`    ${l}`);
            }
        }
        lines.push("");
    }
    const mandatory = result.diagnostics.filter(d => d.enforcementLevel === "mandatory").length;
    const advisory = result.diagnostics.filter(d => d.enforcementLevel === "advisory").length;
    lines.push(`Policies: ${result.policyCount} policies run on ${result.resourceCount} resources in ${result.stackCount} stacks, ` +
        `${mandatory} mandatory violations, ${advisory} advisory`);
    return lines.join("\n");
}

export function mandatoryCount(result: RunResult): number {
    return result.diagnostics.filter(d => d.enforcementLevel === "mandatory").length;
}
