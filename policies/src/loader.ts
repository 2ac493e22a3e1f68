// Loads CrossGuard policy packs the way the Pulumi policy analyzer host does: through the pack's
// Node entry point (package.json "main", else index.js, else index.ts run by ts-node), but with
// @pulumi/policy's PolicyPack replaced by a recording stub before the entry is required. The real
// constructor (node_modules/@pulumi/policy/policy.js) reads `${cwd}/package.json` and calls
// server.serve(), which starts the analyzer's gRPC server and prints its port; the stub records the
// pack's name, args.policies, args.enforcementLevel and the initialConfig third argument instead.
// Subclasses (e.g. AwsGuard extends PolicyPack) pick the stub up because @pulumi/policy's index.js
// re-exports policy.js's exports through getters, and every copy of policy.js is patched as it loads.
import * as fs from "fs";
import * as path from "path";

import { EnforcementLevel, Policies } from "@pulumi/policy";

import { PackRun } from "./engine";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Module: any = require("module");

export class PackLoadError extends Error {}

interface Recorded {
    name: string;
    policies: Policies;
    enforcementLevel?: EnforcementLevel;
    initialConfig?: unknown;
}

let recording: Recorded[] | undefined;

/** Stands in for @pulumi/policy's PolicyPack while a pack's entry point runs. */
class RecordingPolicyPack {
    readonly name: string;
    readonly policies: Policies;
    constructor(name: string, args: { policies?: Policies; enforcementLevel?: EnforcementLevel }, initialConfig?: unknown) {
        this.name = name;
        this.policies = args?.policies ?? [];
        (recording ?? (recording = [])).push({
            name, policies: this.policies, enforcementLevel: args?.enforcementLevel, initialConfig,
        });
    }
}

const POLICY_MODULE = /[\\/]@pulumi[\\/]policy[\\/]policy\.js$/;

// Patched every time a load of policy.js returns, not once per exports object: policy.js requires
// ./server, which requires policy.js back, and that inner (circular) load returns the exports before
// policy.js has assigned its own PolicyPack, which would then overwrite a patch made there.
function patch(exports: any): void {
    if (exports && typeof exports === "object" && exports.PolicyPack !== RecordingPolicyPack) {
        exports.PolicyPack = RecordingPolicyPack;
    }
}

let hooked = false;

/** Patches every copy of @pulumi/policy/policy.js loaded from now on (nested node_modules included). */
function hookLoads(): void {
    if (hooked) {
        return;
    }
    hooked = true;
    const load = Module._load;
    Module._load = function (request: string, parent: any, isMain: boolean) {
        const exp = load.apply(this, [request, parent, isMain]);
        try {
            const file: string = Module._resolveFilename(request, parent, isMain);
            if (POLICY_MODULE.test(file)) {
                patch(exp);
            }
        } catch {
            // not a file module
        }
        return exp;
    };
}

/** Patches @pulumi/policy as resolved from `dir` (and any already-loaded copy). */
function stubFrom(dir: string): void {
    hookLoads();
    for (const f of Object.keys(require.cache)) {
        if (POLICY_MODULE.test(f)) {
            patch(require.cache[f]!.exports);
        }
    }
    try {
        const f = require.resolve("@pulumi/policy/policy", { paths: [dir] });
        patch(require(f));
    } catch {
        // the pack may not use @pulumi/policy from there; the load hook still catches other copies
    }
}

/** The directory of this project's pack (policies/), from src/ or dist/src/. */
export function projectPackDir(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
            return dir;
        }
    }
    throw new PackLoadError(`no PulumiPolicy.yaml above ${__dirname}`);
}

function sameDir(a: string, b: string): boolean {
    try {
        return fs.realpathSync(a) === fs.realpathSync(b);
    } catch {
        return path.resolve(a) === path.resolve(b);
    }
}

function registerTsNode(dir: string): void {
    let tsNode: string;
    try {
        tsNode = require.resolve("ts-node", { paths: [dir] });
    } catch {
        tsNode = require.resolve("ts-node");
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require(tsNode).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
}

/** The Node entry point of a pack directory. */
export function entryOf(dir: string): string {
    if (sameDir(dir, projectPackDir())) {
        // This project's index.ts, compiled with the gate (dist/index.js); from src/ (ts-node) the .ts.
        const compiled = path.join(__dirname, "..", "index.js");
        return fs.existsSync(compiled) ? compiled : path.join(dir, "index.ts");
    }
    const pkgFile = path.join(dir, "package.json");
    if (fs.existsSync(pkgFile)) {
        const main = JSON.parse(fs.readFileSync(pkgFile, "utf8")).main;
        if (typeof main === "string" && main !== "") {
            return require.resolve(path.resolve(dir, main));
        }
    }
    for (const f of ["index.js", "index.ts"]) {
        if (fs.existsSync(path.join(dir, f))) {
            return path.join(dir, f);
        }
    }
    throw new PackLoadError(`${dir}: no entry point (package.json "main", index.js or index.ts)`);
}

function versionOf(dir: string): string {
    const pkgFile = path.join(dir, "package.json");
    const version = fs.existsSync(pkgFile) ? JSON.parse(fs.readFileSync(pkgFile, "utf8")).version : undefined;
    if (typeof version !== "string" || version === "") {
        // What the real PolicyPack constructor throws.
        throw new PackLoadError(`${dir}: Version must be defined in the package.json file.`);
    }
    return version;
}

const loaded = new Map<string, Recorded>();

/** Loads the pack in `dir` through its entry point (without serving it). */
export function loadPack(dir: string): PackRun {
    const abs = path.resolve(dir);
    if (!fs.existsSync(path.join(abs, "PulumiPolicy.yaml"))) {
        throw new PackLoadError(`${dir}: not a policy pack (no PulumiPolicy.yaml)`);
    }
    const entry = entryOf(abs);
    const version = versionOf(abs);
    let rec = loaded.get(entry);
    if (!rec) {
        stubFrom(abs);
        if (entry.endsWith(".ts")) {
            registerTsNode(abs);
        }
        recording = [];
        let got: Recorded[];
        // from the pack's own directory, as the policy analyzer runs it (a pack may read files by
        // relative path, or its package.json through process.cwd())
        const cwd = process.cwd();
        try {
            process.chdir(abs);
            require(entry);
        } catch (e) {
            throw new PackLoadError(`${dir}: loading ${entry} failed: ${(e as Error)?.stack ?? e}`);
        } finally {
            process.chdir(cwd);
            got = recording;
            recording = undefined;
        }
        if (got.length === 0) {
            throw new PackLoadError(`${dir}: ${entry} constructs no PolicyPack`);
        }
        if (got.length > 1) {
            throw new PackLoadError(`${dir}: ${entry} constructs ${got.length} PolicyPacks; only one policy pack may be defined per process`);
        }
        rec = got[0];
        loaded.set(entry, rec);
    }
    return {
        name: rec.name,
        version,
        enforcementLevel: rec.enforcementLevel,
        policies: rec.policies,
        initialConfig: rec.initialConfig,
        dir: abs,
    };
}
