// Shared helpers for the acgs2-baseline policies: plain-data access that tolerates unknown values,
// type filters, dependency matching and the residency configuration.
import {
    PolicyConfigSchema,
    PolicyProviderResource,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

/**
 * The sentinels the engine sends for values not known during `pulumi preview` (the same strings as
 * `@pulumi/policy/proxy.ts` and the engine's plugin marshalling: bool, number, string, array,
 * asset, archive, object).
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** The string-typed unknown sentinel, used where a helper needs to return "unknown". */
export const UNKNOWN: string = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.has(v);
}

/**
 * Copies resource properties out of the SDK's unknown-checking proxy into plain data. The proxy
 * throws on reading an unknown value (the engine then reports an advisory "can't run policy during
 * preview" for the whole policy); reading through property descriptors does not, so each policy can
 * skip just the unknown part and still check the rest.
 */
export function plain(v: any): any {
    if (v === null || typeof v !== "object") {
        return v;
    }
    const out: any = Array.isArray(v) ? [] : {};
    for (const k of Object.keys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        out[k] = plain(d ? d.value : undefined);
    }
    return out;
}

/** Reads a dotted path; returns an unknown sentinel if any step is unknown, undefined if absent. */
export function get(obj: any, path: string): any {
    let cur = obj;
    for (const part of path.split(".")) {
        if (isUnknown(cur)) {
            return cur;
        }
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return undefined;
        }
        cur = cur[part];
    }
    return cur;
}

/** True for `true` and `"true"` (some pulumi-aws inputs such as launch template `ebs.encrypted` are strings). */
export function isTrue(v: unknown): boolean {
    return v === true || v === "true";
}

export function isFalse(v: unknown): boolean {
    return v === false || v === "false";
}

/** A non-empty string, or an unknown (which a preview cannot judge). */
export function isSetOrUnknown(v: unknown): boolean {
    return isUnknown(v) || (typeof v === "string" && v.length > 0);
}

export function asArray(v: unknown): any[] {
    if (Array.isArray(v)) {
        return v;
    }
    if (v === undefined || v === null || isUnknown(v)) {
        return [];
    }
    return [v];
}

export function quoteList(xs: readonly string[]): string {
    return xs.map(x => `"${x}"`).join(", ");
}

// ---------------------------------------------------------------------------------------------
// Policy builders
// ---------------------------------------------------------------------------------------------

/** What a resource check receives: the plain props and the engine args. */
export type ResourceCheck = (props: any, args: ResourceValidationArgs, report: (message: string) => void) => void;

export interface ResourceRule {
    name: string;
    description: string;
    /** Exact type tokens the rule applies to. */
    types: readonly string[];
    configSchema?: PolicyConfigSchema;
    check: ResourceCheck;
}

/** A mandatory resource policy that matches on exact type tokens and reads plain props. */
export function resourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: "mandatory",
        configSchema: rule.configSchema,
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!rule.types.includes(args.type)) {
                args.notApplicable(`Policy only applies to resources of type ${rule.types.join(", ")}`);
            }
            rule.check(plain(args.props), args, message => reportViolation(message));
        },
    };
}

/** A resource of the stack with its props copied to plain data. */
export interface StackRes {
    type: string;
    urn: string;
    name: string;
    props: any;
    res: PolicyResource;
}

export interface StackRule {
    name: string;
    description: string;
    configSchema?: PolicyConfigSchema;
    check: (resources: StackRes[], args: StackValidationArgs, report: ReportViolation) => void;
}

export function stackPolicy(rule: StackRule): StackValidationPolicy {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: "mandatory",
        configSchema: rule.configSchema,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const resources = args.resources.map(r => ({
                type: r.type,
                urn: r.urn,
                name: r.name,
                props: plain(r.props),
                res: r,
            }));
            rule.check(resources, args, reportViolation);
        },
    };
}

/** A stack policy on the fleet's residency config: a missing or bad config is the one violation. */
export function residencyPolicy(rule: {
    name: string;
    description: string;
    check: (resources: StackRes[], args: StackValidationArgs, report: ReportViolation, cfg: ResidencyConfig) => void;
}): StackValidationPolicy {
    return stackPolicy({
        name: rule.name,
        description: rule.description,
        configSchema: residencyConfigSchema,
        check: (resources, args, report) => {
            const cfg = residencyConfig(args);
            if (typeof cfg === "string") {
                report(cfg);
                return;
            }
            rule.check(resources, args, report, cfg);
        },
    });
}

export function ofType(resources: StackRes[], ...types: string[]): StackRes[] {
    return resources.filter(r => types.includes(r.type));
}

/** True when `a` depends on `b` (resource dependencies or any property dependency). */
export function dependsOn(a: StackRes, b: StackRes): boolean {
    if (a.res.dependencies?.some(d => d.urn === b.urn)) {
        return true;
    }
    const pd = a.res.propertyDependencies ?? {};
    return Object.keys(pd).some(k => (pd[k] ?? []).some(d => d.urn === b.urn));
}

/**
 * True when `a` references `b` through property `prop`: the value equals one of `b`'s identifying
 * inputs, or `a` depends on `b` (ids are not inputs, and are unknown in a preview).
 */
export function references(a: StackRes, prop: string, b: StackRes, ...ids: unknown[]): boolean {
    const v = get(a.props, prop);
    if (typeof v === "string" && !isUnknown(v) && ids.some(id => typeof id === "string" && !isUnknown(id) && id === v)) {
        return true;
    }
    return dependsOn(a, b);
}

export function tagsOf(props: any): Record<string, any> | string | undefined {
    const t = props?.tags;
    if (isUnknown(t)) {
        return t;
    }
    return t && typeof t === "object" ? t : undefined;
}

// ---------------------------------------------------------------------------------------------
// Residency configuration
// ---------------------------------------------------------------------------------------------

export interface ResidencyConfig {
    /** Zone name → the AWS regions data of that zone may live in. */
    zones: Record<string, string[]>;
    /** Zones no replication edge may leave. */
    restrictedZones: string[];
    /** Region assumed for a resource whose provider has no `region`. */
    defaultRegion?: string;
}

/** How to provide the residency config; part of every message about it missing. */
export const PACK_CONFIG_FIX = "pass --pack-config, generated by `bin/acgs2 pack-config`";

/**
 * The residency config: zones and restricted zones come only from the pack config (the
 * `--policy-pack-config` file of `pulumi preview`, or the gate's `--pack-config`), never from
 * built-in defaults. They are `required`, so the CLI (and the offline gate) refuse to run without them.
 */
export const residencyConfigSchema: PolicyConfigSchema = {
    properties: {
        zones: {
            type: "object",
            description: "Sovereignty zones: zone name -> AWS regions.",
            additionalProperties: { type: "array", items: { type: "string" } },
        },
        restrictedZones: {
            type: "array",
            description: "Zones no replication edge may leave.",
            items: { type: "string" },
        },
        defaultRegion: {
            type: "string",
            description: "Region of resources whose provider declares none.",
        },
    },
    required: ["zones", "restrictedZones"],
};

/**
 * The residency config of a policy, or a message naming what is missing (the CLI rejects such a
 * run before any policy runs; this covers an engine that does not).
 */
export function residencyConfig(args: { getConfig<T extends object>(): T }): ResidencyConfig | string {
    const c = args.getConfig<Partial<ResidencyConfig>>() ?? {};
    const missing: string[] = [];
    const zonesOk = !!c.zones && typeof c.zones === "object" && !Array.isArray(c.zones) &&
        Object.values(c.zones).every(v => Array.isArray(v));
    if (!zonesOk) {
        missing.push("zones");
    }
    if (!Array.isArray(c.restrictedZones)) {
        missing.push("restrictedZones");
    }
    if (missing.length > 0) {
        return `The policy pack config lacks ${missing.join(" and ")} (or they are malformed): ${PACK_CONFIG_FIX}.`;
    }
    return {
        zones: c.zones!,
        restrictedZones: c.restrictedZones!,
        defaultRegion: typeof c.defaultRegion === "string" ? c.defaultRegion : undefined,
    };
}

/** The resource's region: its provider's `region` input, else the configured default. */
export function regionOf(provider: PolicyProviderResource | undefined, cfg: ResidencyConfig): string | undefined {
    const region = plain(provider?.props ?? {})?.region;
    if (typeof region === "string" && region.length > 0) {
        return region;
    }
    return cfg.defaultRegion;
}
