// Policy pack configuration, as the Pulumi CLI reads and reconciles it (pulumi/pulumi
// sdk/go/.../resource/analyzer/config.go: parsePolicyPackConfig, ReconcilePolicyPackConfig,
// validatePolicyPackConfig), so the offline gate accepts the same `--policy-pack-config` files and
// rejects the same runs.
//
// File format: a JSON object, key = policy name (or "all"), value = an enforcement level string, or an
// object of config properties optionally with "enforcementLevel". "all" sets the level of every policy.
import { EnforcementLevel, Policies, Policy } from "@pulumi/policy";

import { validate } from "./jsonschema";
import { residencyPolicies } from "./residency";
import { residencyConfigSchema } from "./util";
import { wiringPolicies } from "./wiring";
import { operationsPolicies } from "./operations";

/** The policies that take the residency config (zones, restrictedZones, defaultRegion). */
export const RESIDENCY_POLICY_NAMES: readonly string[] = [...residencyPolicies, ...wiringPolicies, ...operationsPolicies]
    .filter(p => p.configSchema === residencyConfigSchema)
    .map(p => p.name);

export const ENFORCEMENT_LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One policy's entry of a config file, normalized. */
export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, any>;
}

export type PackConfig = Record<string, PolicyConfigEntry>;

export class PackConfigError extends Error {}

/** Parses a config value already decoded from JSON (a config file, or a pack's initialConfig). */
export function normalizePackConfig(config: unknown, where = "config"): PackConfig {
    if (config === undefined || config === null) {
        return {};
    }
    if (typeof config !== "object" || Array.isArray(config)) {
        throw new PackConfigError(`${where}: expected a JSON object of policy name -> config`);
    }
    const result: PackConfig = {};
    for (const [k, v] of Object.entries(config as Record<string, unknown>)) {
        let enforcementLevel: EnforcementLevel | undefined;
        let properties: Record<string, any> | undefined;
        if (typeof v === "string") {
            if (!ENFORCEMENT_LEVELS.includes(v)) {
                throw new PackConfigError(`${where}: parsing enforcement level for "${k}": "${v}" is not a valid enforcement level`);
            }
            enforcementLevel = v as EnforcementLevel;
        } else if (v && typeof v === "object" && !Array.isArray(v)) {
            const { enforcementLevel: el, ...rest } = v as Record<string, any>;
            if (el !== undefined) {
                if (typeof el !== "string" || !ENFORCEMENT_LEVELS.includes(el)) {
                    throw new PackConfigError(`${where}: parsing enforcement level for "${k}": ${JSON.stringify(el)} is not a valid enforcement level`);
                }
                enforcementLevel = el as EnforcementLevel;
            }
            if (Object.keys(rest).length > 0) {
                properties = rest;
            }
        } else {
            throw new PackConfigError(`${where}: parsing "${k}": ${JSON.stringify(v)} is not a valid value; must be a string or object`);
        }
        if (enforcementLevel === undefined && properties === undefined) {
            continue;
        }
        result[k] = { enforcementLevel, properties };
    }
    return result;
}

/** Reads a `--policy-pack-config` file (empty content = no config, as the CLI allows). */
export function parsePackConfigFile(text: string, where: string): PackConfig {
    if (text.trim() === "") {
        return {};
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (e) {
        throw new PackConfigError(`${where}: not JSON: ${(e as Error).message}`);
    }
    return normalizePackConfig(data, where);
}

/** A policy's reconciled config: its enforcement level and the properties `getConfig()` returns. */
export interface EffectivePolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, any>;
}

function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** The config schema defaults of a policy (what the CLI fills in first). */
export function schemaDefaults(policy: Policy): Record<string, any> {
    const out: Record<string, any> = {};
    const props = policy.configSchema?.properties ?? {};
    for (const k of Object.keys(props)) {
        if ((props[k] as any).default !== undefined) {
            out[k] = clone((props[k] as any).default);
        }
    }
    return out;
}

/**
 * ReconcilePolicyPackConfig: schema defaults and `policy.enforcementLevel || pack level`, overlaid by
 * the pack's initialConfig, overlaid by the config file ("all" first, then per policy; properties
 * are merged key by key).
 */
export function reconcile(policies: Policies, packLevel: EnforcementLevel | undefined,
    initialConfig: PackConfig, fileConfig: PackConfig): Map<string, EffectivePolicyConfig> {
    const result = new Map<string, EffectivePolicyConfig>();
    for (const p of policies) {
        result.set(p.name, {
            enforcementLevel: p.enforcementLevel ?? packLevel ?? "advisory",
            properties: schemaDefaults(p),
        });
    }
    for (const layer of [initialConfig, fileConfig]) {
        const all = layer.all?.enforcementLevel;
        if (all) {
            for (const v of result.values()) {
                v.enforcementLevel = all;
            }
        }
        for (const [name, given] of Object.entries(layer)) {
            const r = result.get(name);
            if (!r) {
                continue; // the CLI keeps config of unknown policies, which then never runs
            }
            if (given.enforcementLevel) {
                r.enforcementLevel = given.enforcementLevel;
            }
            Object.assign(r.properties, clone(given.properties ?? {}));
        }
    }
    return result;
}

/**
 * validatePolicyPackConfig: each policy's reconciled properties against its configSchema
 * (`{type: object, properties, required}`); messages "POLICY: ERROR" as the CLI prints them.
 */
export function validatePackConfig(policies: Policies, config: Map<string, EffectivePolicyConfig>): string[] {
    const errors: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) {
            continue;
        }
        const schema: Record<string, any> = { type: "object" };
        if (Object.keys(p.configSchema.properties ?? {}).length > 0) {
            schema.properties = p.configSchema.properties;
        }
        if ((p.configSchema.required ?? []).length > 0) {
            schema.required = p.configSchema.required;
        }
        for (const e of validate(schema, config.get(p.name)?.properties ?? {})) {
            errors.push(`${p.name}: ${e}`);
        }
    }
    return errors;
}
