// A small JSON Schema (draft-07 subset) validator, with gojsonschema-style messages (the library the
// Pulumi CLI validates policy config with: "foo is required", "foo: Invalid type. Expected: string,
// given: integer"). Used for policy-pack config (as the CLI does) and for the fleet manifest
// (schemas/fleet-manifest.schema.json). Supported keywords: type, properties, required,
// additionalProperties, items, enum, const, minimum, maximum, minLength, maxLength, minItems.

export type JsonSchema = { [k: string]: any };

function typeOf(v: unknown): string {
    if (v === null) {
        return "null";
    }
    if (Array.isArray(v)) {
        return "array";
    }
    if (typeof v === "number") {
        return Number.isInteger(v) ? "integer" : "number";
    }
    return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
    const actual = typeOf(v);
    return actual === t || (t === "number" && actual === "integer");
}

function field(path: string): string {
    return path === "" ? "(root)" : path;
}

/** The errors of `value` against `schema`, gojsonschema style; [] when valid. */
export function validate(schema: JsonSchema | boolean | undefined, value: unknown, path = ""): string[] {
    if (schema === undefined || schema === true) {
        return [];
    }
    if (schema === false) {
        return [`${field(path)}: Additional property ${path.split(".").pop()} is not allowed`];
    }
    const errors: string[] = [];
    const at = (msg: string) => errors.push(path === "" ? msg : `${path}: ${msg}`);
    if (schema.type !== undefined) {
        const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some(t => typeMatches(value, t))) {
            at(`Invalid type. Expected: ${types.join(", ")}, given: ${typeOf(value)}`);
            return errors;
        }
    }
    if (schema.enum !== undefined && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) {
        at(`${field(path)} must be one of the following: ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(", ")}`);
    }
    if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) {
        at(`${field(path)} does not match: ${JSON.stringify(schema.const)}`);
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) {
            at(`Must be greater than or equal to ${schema.minimum}`);
        }
        if (schema.maximum !== undefined && value > schema.maximum) {
            at(`Must be less than or equal to ${schema.maximum}`);
        }
    }
    if (typeof value === "string") {
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            at(`String length must be greater than or equal to ${schema.minLength}`);
        }
        if (schema.maxLength !== undefined && value.length > schema.maxLength) {
            at(`String length must be less than or equal to ${schema.maxLength}`);
        }
    }
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) {
            at(`Array must have at least ${schema.minItems} items`);
        }
        if (schema.items !== undefined && !Array.isArray(schema.items)) {
            value.forEach((v, i) => errors.push(...validate(schema.items, v, `${path === "" ? "" : path + "."}${i}`)));
        }
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const obj = value as Record<string, unknown>;
        for (const r of (schema.required ?? []) as string[]) {
            if (!(r in obj) || obj[r] === undefined) {
                errors.push(path === "" ? `${r} is required` : `${path}: ${r} is required`);
            }
        }
        const props: Record<string, JsonSchema> = schema.properties ?? {};
        for (const [k, v] of Object.entries(obj)) {
            const sub = `${path === "" ? "" : path + "."}${k}`;
            if (k in props) {
                errors.push(...validate(props[k], v, sub));
            } else if (schema.additionalProperties === false) {
                at(`Additional property ${k} is not allowed`);
            } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
                errors.push(...validate(schema.additionalProperties, v, sub));
            }
        }
    }
    return errors;
}
