// An offline stand-in for the Pulumi engine's policy analyzer: reads the Java plan snapshot
// (contract in policies/README.md), builds the arguments the engine would, and runs the policies of
// one or more packs. It mirrors @pulumi/policy 1.21.0's server.ts and the Pulumi CLI:
// - config: schema defaults, overlaid by the pack's initialConfig, overlaid by the config file, then
//   validated against each policy's configSchema (an invalid config fails the run: see config.ts);
// - enforcement level: config file ("all", then the policy) > initialConfig > policy > pack > advisory;
//   "disabled" skips the policy, "remediate" reports as mandatory;
// - every registered resource (providers, components and the root stack included) goes to every
//   resource policy, except when its validateResource carries another `__pulumiType` (the SDK's fast
//   not-applicable path); args.isType/asType compare type tokens as the SDK does;
// - props go through the SDK's unknown-checking proxy; reading an unknown value gives an advisory
//   "can't run" diagnostic; violation messages are the policy description, a newline, the message.
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
import { EffectivePolicyConfig, normalizePackConfig, PackConfig, reconcile, schemaDefaults, validatePackConfig } from "./config";

// The SDK's proxy module is internal (no typings) but it is the exact code the analyzer uses.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkProxy: {
    unknownCheckingProxy(v: any): any;
    UnknownValueError: new (...args: any[]) => Error;
} = require("@pulumi/policy/proxy");

// The SDK's own type-token lookup (exported by policy.js, not in its typings); server.ts's isTypeOf,
// which uses it, is not exported, so isTypeOf below repeats its logic.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkPolicy: { getPulumiType(obj: any): string | undefined } = require("@pulumi/policy/policy");

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

/** The config the CLI passes a policy when the config file sets none: the defaults of its configSchema. */
export function defaultConfig(policy: Policy): Record<string, any> {
    return schemaDefaults(policy);
}

/** server.ts isTypeOf: the class's `__pulumiType` (SDK-generated classes), else its `isInstance`. */
export function isTypeOf(type: string, resourceClass: any): boolean {
    const pulumiType = sdkPolicy.getPulumiType(resourceClass);
    if (pulumiType) {
        return type === pulumiType;
    }
    const isInstance = resourceClass?.isInstance;
    return !!isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function typeFns(type: string, props: any) {
    return {
        isType: (resourceClass: any) => isTypeOf(type, resourceClass),
        asType: (resourceClass: any) => (isTypeOf(type, resourceClass) ? props : undefined),
    };
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

function getConfigFn(config: Record<string, any>) {
    return <T extends object>() => JSON.parse(JSON.stringify(config)) as T;
}

/**
 * The args of a resource policy; `config` = what getConfig() returns (the reconciled properties;
 * default: the policy's schema defaults).
 */
export function resourceArgs(r: SnapshotResource, stack: SnapshotStack, policy: Policy,
    config: Record<string, any> = defaultConfig(policy)): ResourceValidationArgs {
    const byUrn = new Map(stack.resources.map(x => [x.urn, x]));
    const props = proxied(r.inputs);
    const args: ResourceValidationArgs = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        stackTags: new Map(),
        ...typeFns(r.type, props),
        getConfig: getConfigFn(config),
        notApplicable: throwNotApplicable,
    };
    const provider = providerOf(r, byUrn);
    if (provider) {
        args.provider = provider;
    }
    return args;
}

export function stackArgs(stack: SnapshotStack, policy: Policy,
    config: Record<string, any> = defaultConfig(policy)): StackValidationArgs {
    const byUrn = new Map(stack.resources.map(x => [x.urn, x]));
    const resources = new Map<string, PolicyResource>();
    for (const r of stack.resources) {
        const props = proxied(r.inputs);
        const pr: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: optionsOf(r),
            dependencies: [],
            propertyDependencies: {},
            ...typeFns(r.type, props),
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
        getConfig: getConfigFn(config),
        notApplicable: throwNotApplicable,
    };
}

// ---------------------------------------------------------------------------------------------
// Packs and their config
// ---------------------------------------------------------------------------------------------

/** A policy pack as its entry point constructs it, plus the config file given for it. */
export interface PackRun {
    name: string;
    version: string;
    /** PolicyPackArgs.enforcementLevel. */
    enforcementLevel?: EnforcementLevel;
    policies: Policies;
    /** The PolicyPack constructor's third argument, as given (normalized here). */
    initialConfig?: unknown;
    /** The parsed `--pack-config` file for this pack. */
    config?: PackConfig;
    /** Where the pack was loaded from (for messages). */
    dir?: string;
}

/** The CLI refuses to run: the reconciled config does not satisfy a policy's configSchema. */
export class PackConfigValidationError extends Error {
    constructor(public readonly pack: PackRun, public readonly errors: string[]) {
        super(errors.map(e => `validating policy config: ${pack.name} ${pack.version}  ${e}`).join("\n"));
    }
}

export interface PreparedPack {
    pack: PackRun;
    effective: Map<string, EffectivePolicyConfig>;
}

/** Reconciles and validates a pack's config as the CLI does; throws PackConfigValidationError. */
export function preparePack(pack: PackRun): PreparedPack {
    const initial = normalizePackConfig(pack.initialConfig, `${pack.name} initialConfig`);
    const effective = reconcile(pack.policies, pack.enforcementLevel, initial, pack.config ?? {});
    const errors = validatePackConfig(pack.policies, effective);
    if (errors.length > 0) {
        throw new PackConfigValidationError(pack, errors);
    }
    return { pack, effective };
}

/** The acgs2-baseline pack as index.ts builds it, with `policies` and a parsed config file. */
export function projectPack(policies: Policies = allPolicies, config?: PackConfig): PackRun {
    return { name: PACK_NAME, version: packVersion(), enforcementLevel: "mandatory", policies, config };
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

export interface Diagnostic {
    stack: string;
    packName: string;
    packVersion: string;
    policyName: string;
    enforcementLevel: EnforcementLevel;
    /** Description, newline, reported message: what `pulumi preview` prints. */
    message: string;
    /** The reported message alone. */
    detail: string;
    urn?: string;
    type?: string;
}

/** What ran of one pack: its policies by the enforcement level its config gave them. */
export interface PackSummary {
    name: string;
    version: string;
    dir?: string;
    /** Policy count per effective enforcement level (disabled included). */
    levels: Record<string, number>;
}

export interface RunResult {
    diagnostics: Diagnostic[];
    /** One entry per pack, in the order given (absent from results built by hand). */
    packs?: PackSummary[];
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

/** Runs the packs (all configs are validated first: PackConfigValidationError). */
export async function runPacks(snapshot: Snapshot, packs: PackRun[]): Promise<RunResult> {
    const prepared = packs.map(preparePack);
    const diagnostics: Diagnostic[] = [];
    let resourceCount = 0;
    for (const stack of snapshot.stacks) {
        resourceCount += stack.resources.length;
        const typeOf = new Map(stack.resources.map(r => [r.urn, r.type]));
        const stackUrn = stack.resources.find(r => r.type === "pulumi:pulumi:Stack")?.urn;
        for (const { pack, effective } of prepared) {
            for (const p of pack.policies) {
                const cfg = effective.get(p.name)!;
                const level: EnforcementLevel = cfg.enforcementLevel;
                if (level === "disabled") {
                    continue;
                }
                const push = (detail: string, urn: string | undefined, lvl: EnforcementLevel = level, whole?: string) => {
                    diagnostics.push({
                        stack: stack.stack,
                        packName: pack.name,
                        packVersion: pack.version,
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
                            const msg = `can't run policy '${p.name}' from policy pack '${pack.name}@v${pack.version}' ` +
                                `during preview: ${(e as Error).message}`;
                            push(msg, urn, "advisory", msg);
                            return;
                        }
                        // The engine fails the preview when a policy throws; here that blocks like a mandatory violation.
                        push(`policy failed: ${(e as Error)?.stack ?? e}`, urn, "mandatory");
                    }
                };
                if (isResourcePolicy(p) && p.validateResource) {
                    const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
                    // The SDK's fast path: a single validation typed with validateResourceOfType.
                    const onlyType = Array.isArray(p.validateResource) ? undefined : sdkPolicy.getPulumiType(p.validateResource);
                    for (const r of stack.resources) {
                        if (onlyType && r.type !== onlyType) {
                            continue;
                        }
                        for (const v of validations) {
                            // The engine attributes resource-policy diagnostics to the analyzed resource.
                            await guard(r.urn, () => v(resourceArgs(r, stack, p, cfg.properties), (m: string) => push(m, r.urn)));
                        }
                    }
                }
                if (isStackPolicy(p)) {
                    await guard(stackUrn, () => p.validateStack(stackArgs(stack, p, cfg.properties),
                        (m: string, urn?: string) => push(m, urn ?? stackUrn)));
                }
            }
        }
    }
    const policyCount = packs.reduce((n, pk) => n + pk.policies.length, 0);
    const summaries = prepared.map(({ pack, effective }) => {
        const levels: Record<string, number> = {};
        for (const p of pack.policies) {
            const l = effective.get(p.name)!.enforcementLevel;
            levels[l] = (levels[l] ?? 0) + 1;
        }
        return { name: pack.name, version: pack.version, dir: pack.dir, levels };
    });
    return { diagnostics, packs: summaries, policyCount, resourceCount, stackCount: snapshot.stacks.length };
}

/**
 * Runs policies as the acgs2-baseline pack (default: all of them). `config` is a config file's
 * content (Pulumi's policy-pack-config format); the residency policies need it.
 */
export async function runPolicies(snapshot: Snapshot, policies: Policies = allPolicies, config?: unknown): Promise<RunResult> {
    return runPacks(snapshot, [projectPack(policies, normalizePackConfig(config))]);
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
            lines.push(`    [${d.enforcementLevel}]  ${d.packName} v${d.packVersion}  ${d.policyName} (${where})`);
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

/**
 * One line per pack: its policies at the levels its own config gave them, and what each level
 * found. On stderr (gate.ts): stdout stays the report `pulumi preview` prints, which CI jobs read.
 */
export function formatPacks(result: RunResult): string {
    const lines: string[] = [];
    // per pack: its policies at the levels its own config gave them, and what each level found
    for (const pk of result.packs ?? []) {
        const found = (lvl: string) => result.diagnostics.filter(d => d.packName === pk.name && d.packVersion === pk.version
            && d.enforcementLevel === lvl).length;
        const levels = Object.entries(pk.levels).sort().map(([l, n]) => `${n} ${l}`).join(", ");
        lines.push(`Pack ${pk.name} v${pk.version}${pk.dir ? ` (${pk.dir})` : ""}: ${levels}; ` +
            `found ${found("mandatory")} mandatory, ${found("advisory")} advisory`);
    }
    return lines.join("\n");
}

export function mandatoryCount(result: RunResult): number {
    return result.diagnostics.filter(d => d.enforcementLevel === "mandatory").length;
}
