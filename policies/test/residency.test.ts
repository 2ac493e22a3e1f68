import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import { T as DS } from "../src/datastores";
import { bucketNameStatesRegion, dataResidencyInZone, fleetResidencyDeclared, namedRegion, replicationStaysInZone, T } from "../src/residency";
import { parseManifest } from "../src/residency";
import { RESIDENCY_POLICY_NAMES } from "../src/config";
import { residencyConfigSchema } from "../src/util";
import { allPolicies } from "../src/all";
import { checkStack, loadPackConfig, messages, mk, NotApplicable, POLICIES_DIR, residencyOf, U } from "./helpers";
import * as fs from "node:fs";
import * as path from "node:path";

/** Zones of the test pack config (test data, not pack defaults: the pack has none). */
const ZONES = residencyOf().zones;
const RESTRICTED = residencyOf().restrictedZones;

export function manifestValue(patch: Record<string, any> = {}): Record<string, any> {
    return {
        project: "acgs2-infra", stack: "us-east-1", region: "us-east-1", zone: "us",
        zones: ZONES, restrictedZones: RESTRICTED,
        tenants: { acme: { zone: "us", homeRegion: "us-east-1" }, globex: { zone: "gdpr", homeRegion: "eu-central-1" } },
        fleet: [
            { stack: "us-east-1", region: "us-east-1", zone: "us", founding: true, joinOrder: 0 },
            { stack: "eu-central-1", region: "eu-central-1", zone: "gdpr", founding: false, joinOrder: 1 },
        ],
        ...patch,
    };
}
export const manifest = (patch: Record<string, any> = {}, region = "us-east-1", name = "fleet-manifest") =>
    mk(T.ssmParameter, name, { name: "/acgs2/fleet", type: "String", value: JSON.stringify(manifestValue(patch)),
        tags: { "acgs2:manifest": "fleet" } }, { region });

const tags = (zone?: string, tenant?: string) => ({ ...(zone ? { "acgs2:data-zone": zone } : {}), ...(tenant ? { "acgs2:tenant": tenant } : {}) });
const cluster = (name: string, region: string, t: Record<string, any>, extra: Record<string, any> = {}, deps: any[] = []) =>
    mk(DS.rdsCluster, name, { engine: "aurora-postgresql", tags: t, ...extra }, { region, deps });
const bucket = (name: string, region: string, zone: string) => mk(DS.bucket, name, { bucket: name, tags: tags(zone) }, { region });
const kms = mk("aws:kms/key:Key", "k", { enableKeyRotation: true });

describe("data-residency-in-zone", () => {
    it("passes stores in their zone and a tenant's store in its zone", () => assert.deepEqual(checkStack(dataResidencyInZone, [
        manifest(), cluster("db", "us-east-1", tags("us", "acme")), bucket("acme-eu", "eu-central-1", "gdpr"),
        mk(T.kafkaTopic, "events", { metadata: { labels: { "acgs2.io/data-zone": "us" }, annotations: { "acgs2.io/region": "us-east-2" } } }, { region: null }),
    ]), []));
    it("fails a store outside its zone, an untagged store, a foreign tenant and a stray topic", () => {
        const outside = cluster("db-eu", "us-east-1", tags("gdpr"));
        const untagged = bucket("logs", "us-east-1", "");
        const wrongTenant = cluster("db-globex", "us-east-1", tags("us", "globex"));
        const unknownTenant = cluster("db-initech", "us-east-1", tags("us", "initech"));
        const topic = mk(T.kafkaTopic, "eu-events", { metadata: { labels: { "acgs2.io/data-zone": "gdpr" },
            annotations: { "acgs2.io/region": "us-east-1" } } }, { region: null });
        const noRegionTopic = mk(T.kafkaTopic, "eu-audit", { metadata: { labels: { "acgs2.io/data-zone": "gdpr" } } }, { region: null });
        assert.deepEqual(checkStack(dataResidencyInZone, [manifest(), outside, untagged, wrongTenant, unknownTenant, topic, noRegionTopic]), [
            { urn: outside.urn, message: "aws:rds/cluster:Cluster db-eu is in us-east-1, outside its zone gdpr (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
            { urn: untagged.urn, message: "aws:s3/bucketV2:BucketV2 logs declares no acgs2:data-zone tag: tag it with its zone (\"us\", \"gdpr\", \"pipl\")." },
            { urn: wrongTenant.urn, message: "aws:rds/cluster:Cluster db-globex of tenant \"globex\" is tagged zone us, but the tenant's zone is gdpr." },
            { urn: unknownTenant.urn, message: "aws:rds/cluster:Cluster db-initech belongs to tenant \"initech\", which the fleet manifest does not declare." },
            { urn: topic.urn, message: "KafkaTopic eu-events is in us-east-1, outside its zone gdpr (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
            { urn: noRegionTopic.urn, message: "KafkaTopic eu-audit of restricted zone gdpr has no acgs2.io/region annotation, so its region cannot be proven." },
        ]);
    });
    it("fails an unknown zone", () => assert.deepEqual(messages(checkStack(dataResidencyInZone, [cluster("db", "us-east-1", tags("mars"))])),
        ["aws:rds/cluster:Cluster db declares unknown zone \"mars\": use one of \"us\", \"gdpr\", \"pipl\"."]));
    it("does not apply without data stores", () => assert.throws(() => checkStack(dataResidencyInZone, [kms, manifest()]), NotApplicable));
    it("accepts unknown tags", () => assert.deepEqual(checkStack(dataResidencyInZone, [
        mk(DS.rdsCluster, "db", { tags: U }), cluster("db2", "us-east-1", { "acgs2:data-zone": U })]), []));
});

describe("replication-stays-in-zone", () => {
    it("passes a GDPR global cluster, an in-zone S3 replica and an in-zone MirrorMaker", () => {
        const g = mk(DS.rdsGlobalCluster, "eu-global", { globalClusterIdentifier: "eu-global", tags: tags("gdpr") }, { region: "eu-central-1" });
        const primary = cluster("eu-db-1", "eu-central-1", tags("gdpr"), { globalClusterIdentifier: U }, [g]);
        const secondary = cluster("eu-db-2", "eu-west-1", tags("gdpr"), { globalClusterIdentifier: "eu-global" });
        const src = bucket("eu-src", "eu-central-1", "gdpr");
        const dst = bucket("eu-dst", "eu-west-1", "gdpr");
        const rc = mk(T.bucketReplication, "eu-repl", { bucket: "eu-src", role: U, rules: [{ status: "Enabled", destination: { bucket: U } }] },
            { region: "eu-central-1", deps: [src, dst] });
        const mm2 = mk(T.mirrorMaker2, "eu-mm2", { metadata: { labels: { "acgs2.io/data-zone": "gdpr" },
            annotations: { "acgs2.io/cluster-regions": JSON.stringify({ fra: "eu-central-1", dub: "eu-west-1" }),
                "acgs2.io/mirrored-topics": JSON.stringify({ "acgs.audit.events": "gdpr", "acgs.eu.events": "gdpr" }) } },
        spec: { target: { alias: "dub" }, mirrors: [{ source: { alias: "fra" }, topicsPattern: "acgs\\.audit\\.events|acgs\\.eu\\.events" }] } },
        { region: null });
        assert.deepEqual(checkStack(replicationStaysInZone, [g, primary, secondary, src, dst, rc, mm2]), []);
    });
    it("fails a global cluster member, an S3 replica and a MirrorMaker target outside the zone", () => {
        const g = mk(DS.rdsGlobalCluster, "eu-global", { globalClusterIdentifier: "eu-global", tags: tags("gdpr") }, { region: "eu-central-1" });
        const stray = cluster("us-db", "us-east-1", tags("gdpr"), { globalClusterIdentifier: "eu-global" });
        const src = bucket("eu-src", "eu-central-1", "gdpr");
        const dst = bucket("us-dst", "us-east-1", "us");
        const rc = mk(T.bucketReplication, "eu-repl", { bucket: "eu-src", rules: [
            { destination: { bucket: "arn:aws:s3:::us-dst" } }, { destination: { bucket: "arn:aws:s3:::elsewhere" } }] }, { region: "eu-central-1" });
        // a GDPR topic mirrored to us-east-1, and a second mirror from a cluster whose region is unknown
        const mm2 = mk(T.mirrorMaker2, "eu-mm2", { metadata: { labels: { "acgs2.io/data-zone": "mixed" },
            annotations: { "acgs2.io/cluster-regions": JSON.stringify({ fra: "eu-central-1", iad: "us-east-1" }),
                "acgs2.io/mirrored-topics": JSON.stringify({ "acgs.audit.events": "gdpr" }) } },
        spec: { target: { alias: "iad" }, mirrors: [{ source: { alias: "fra" }, topicsPattern: "acgs\\.audit\\.events" },
            { source: { alias: "sin" }, topicsPattern: ".*" }] } }, { region: null });
        assert.deepEqual(checkStack(replicationStaysInZone, [g, stray, src, dst, rc, mm2]), [
            { urn: stray.urn, message: "Aurora global cluster eu-global member us-db is in us-east-1, outside zone gdpr (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
            { urn: rc.urn, message: "Replication eu-repl rule 0 copies bucket eu-src (zone gdpr) to us-east-1, outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
            { urn: rc.urn, message: "Replication eu-repl rule 1 from bucket eu-src (restricted zone gdpr) goes to arn:aws:s3:::elsewhere, whose region cannot be proven: replicate only to a bucket of this stack or one named acgs2-<what>-<region>-<account>." },
            { urn: mm2.urn, message: "KafkaMirrorMaker2 eu-mm2 mirrors topic acgs.audit.events (zone gdpr) to us-east-1, outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
            { urn: mm2.urn, message: "KafkaMirrorMaker2 eu-mm2 mirror 1 has topicsPattern \".*\", which may mirror topics it does not declare: write exactly \"acgs\\\\.audit\\\\.events\"." },
            { urn: mm2.urn, message: "KafkaMirrorMaker2 eu-mm2 mirrors topic acgs.audit.events (restricted zone gdpr) with cluster sin, whose region cannot be proven: add it to annotation acgs2.io/cluster-regions." },
            { urn: mm2.urn, message: "KafkaMirrorMaker2 eu-mm2 mirrors topic acgs.audit.events (zone gdpr) to us-east-1, outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)." },
        ]);
    });
    it("fails ElastiCache global datastore members across zones", () => {
        const primary = mk(DS.cacheReplicationGroup, "cache-use1", { replicationGroupId: "cache-use1", tags: tags("us") }, { region: "us-east-1" });
        const grg = mk(DS.cacheGlobalReplicationGroup, "cache-global", { globalReplicationGroupIdSuffix: "cache", primaryReplicationGroupId: U },
            { region: "us-east-1", deps: [primary] });
        const member = mk(DS.cacheReplicationGroup, "cache-euc1", { globalReplicationGroupId: U, tags: tags("us") }, { region: "eu-central-1", deps: [grg] });
        assert.deepEqual(messages(checkStack(replicationStaysInZone, [primary, grg, member])),
            ["ElastiCache global datastore cache-global member cache-euc1 is in eu-central-1, outside zone us (us-east-1, us-east-2, us-west-1, us-west-2)."]);
    });
    it("lets an unrestricted zone replicate to a bucket it cannot resolve", () => assert.deepEqual(checkStack(replicationStaysInZone, [
        bucket("us-src", "us-east-1", "us"),
        mk(T.bucketReplication, "us-repl", { bucket: "us-src", rules: [{ destination: { bucket: "arn:aws:s3:::other-stack" } }] })]), []));
    it("does not apply without replication edges", () => assert.throws(() => checkStack(replicationStaysInZone, [bucket("b", "us-east-1", "us")]), NotApplicable));
    it("for a restricted zone, an unknown destination that cannot be resolved is a violation; unknown rules are skipped", () => {
        const src = bucket("eu-src", "eu-central-1", "gdpr");
        const rc = mk(T.bucketReplication, "eu-repl", { bucket: "eu-src", rules: [{ destination: { bucket: U } }] }, { region: "eu-central-1", deps: [src] });
        assert.deepEqual(messages(checkStack(replicationStaysInZone, [src, rc])),
            ["Replication eu-repl rule 0 from bucket eu-src (restricted zone gdpr) goes to an unknown bucket, whose region cannot be proven: replicate only to a bucket of this stack or one named acgs2-<what>-<region>-<account>."]);
        const rcUnknownRules = mk(T.bucketReplication, "eu-repl", { bucket: "eu-src", rules: U }, { region: "eu-central-1", deps: [src] });
        assert.deepEqual(checkStack(replicationStaysInZone, [src, rcUnknownRules]), []);
    });
});

describe("buckets of other stacks (the later region owns the link)", () => {
    const euSrc = mk(DS.bucket, "platform-euw1", { bucket: "acgs2-gdpr-tenants-eu-west-1-123456789012", tags: tags("gdpr") }, { region: "eu-west-1" });
    it("locates a destination of another stack by its acgs2 name", () => {
        const inZone = mk(T.bucketReplication, "repl", { bucket: "acgs2-gdpr-tenants-eu-west-1-123456789012", rules: [
            { destination: { bucket: "arn:aws:s3:::acgs2-gdpr-tenants-eu-central-1-123456789012" } }] }, { region: "eu-west-1", deps: [euSrc] });
        assert.deepEqual(checkStack(replicationStaysInZone, [euSrc, inZone]), []);
        const outside = mk(T.bucketReplication, "repl", { bucket: "acgs2-gdpr-tenants-eu-west-1-123456789012", rules: [
            { destination: { bucket: "arn:aws:s3:::acgs2-gdpr-tenants-us-east-1-123456789012" } }] }, { region: "eu-west-1", deps: [euSrc] });
        assert.deepEqual(messages(checkStack(replicationStaysInZone, [euSrc, outside])), [
            "Replication repl rule 0 copies bucket platform-euw1 (zone gdpr) to us-east-1, outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)."]);
    });
    it("checks a configuration written on an earlier region's bucket: its source is in the provider's region", () => {
        const here = mk(DS.bucket, "here", { bucket: "acgs2-gdpr-tenants-eu-central-1-123456789012", tags: tags("gdpr") }, { region: "eu-central-1" });
        const rule = { destination: { bucket: "arn:aws:s3:::acgs2-gdpr-tenants-eu-central-1-123456789012" } };
        const owners = mk(T.bucketReplication, "owner-repl", { bucket: "acgs2-gdpr-tenants-eu-west-1-123456789012", rules: [rule] },
            { region: "eu-west-1", deps: [here] });
        assert.deepEqual(checkStack(replicationStaysInZone, [here, owners]), []);
        const foreign = mk(T.bucketReplication, "owner-repl", { bucket: "acgs2-gdpr-tenants-us-east-1-123456789012", rules: [rule] },
            { region: "us-east-1", deps: [here] });
        assert.deepEqual(messages(checkStack(replicationStaysInZone, [here, foreign])), [
            "Replication owner-repl copies bucket acgs2-gdpr-tenants-us-east-1-123456789012 of us-east-1 into zone gdpr: the source region is outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2)."]);
    });
    it("reads the region out of an acgs2 name, whatever the hyphens of the domain", () => {
        assert.equal(namedRegion("acgs2-platform-us-east-1-123456789012"), "us-east-1");
        assert.equal(namedRegion("acgs2-ab-cd-eu-west-1-123456789012"), "eu-west-1");
        assert.equal(namedRegion("acgs2-eu-data-ap-southeast-1-123456789012"), "ap-southeast-1");
        assert.equal(namedRegion("acgs2-x-us-gov-west-1-123456789012"), "us-gov-west-1");
        assert.equal(namedRegion("acgs2-x-cn-northwest-1-123456789012"), "cn-northwest-1");
        assert.equal(namedRegion("acgs2-not-in-this-stack"), undefined);
    });
    it("bucket-name-states-region holds the name true in the bucket's own stack", () => {
        assert.deepEqual(checkStack(bucketNameStatesRegion, [euSrc]), []);
        const liar = mk(DS.bucket, "liar", { bucket: "acgs2-gdpr-tenants-eu-west-1-123456789012", tags: tags("gdpr") }, { region: "us-east-1" });
        assert.deepEqual(messages(checkStack(bucketNameStatesRegion, [liar])), [
            "Bucket acgs2-gdpr-tenants-eu-west-1-123456789012 is in us-east-1 but its name states eu-west-1: name it acgs2-<what>-us-east-1-<account>."]);
        assert.throws(() => checkStack(bucketNameStatesRegion, [bucket("acme-data", "us-east-1", "us")]), NotApplicable);
    });
});

describe("fleet-residency-declared", () => {
    it("passes one consistent manifest", () => assert.deepEqual(checkStack(fleetResidencyDeclared, [manifest()]), []));
    it("fails a stack without manifest", () => assert.deepEqual(checkStack(fleetResidencyDeclared, [kms]), [
        { urn: undefined, message: "The stack declares no fleet manifest: register one aws:ssm/parameter:Parameter tagged acgs2:manifest=fleet." }]));
    it("fails two manifests", () => assert.deepEqual(messages(checkStack(fleetResidencyDeclared, [manifest(), manifest({}, "us-east-1", "second")])),
        ["The stack declares 2 fleet manifests (fleet-manifest, second): keep exactly one."]));
    it("fails inconsistent declarations", () => {
        const m = manifest({
            region: "us-east-2",
            zones: { ...ZONES, us: [...ZONES.us, "eu-west-1"] },
            restrictedZones: ["pipl"],
            tenants: { acme: { zone: "us", homeRegion: "us-west-2" }, globex: { zone: "gdpr", homeRegion: "us-east-1" }, initech: { zone: "mars", homeRegion: "x" } },
            fleet: [
                { stack: "us-east-1", region: "us-east-1", zone: "us", founding: true, joinOrder: 0 },
                { stack: "eu-central-1", region: "eu-central-1", zone: "us", founding: false, joinOrder: 1 },
                { stack: "cn-north-1", region: "cn-north-1", zone: "china", founding: false, joinOrder: 2 },
            ],
        });
        assert.deepEqual(messages(checkStack(fleetResidencyDeclared, [m])), [
            "Fleet manifest fleet-manifest: declares region us-east-2, but its provider's region is us-east-1.",
            "Fleet manifest fleet-manifest: zone us lists eu-west-1, outside the policy pack's us regions (us-east-1, us-east-2, us-west-1, us-west-2).",
            "Fleet manifest fleet-manifest: zone gdpr must be listed in restrictedZones.",
            "Fleet manifest fleet-manifest: its region us-east-2 is not in the fleet.",
            "Fleet manifest fleet-manifest: fleet region eu-central-1 is not allowed by its zone us.",
            "Fleet manifest fleet-manifest: fleet region cn-north-1 declares no existing zone (zone: china).",
            "Fleet manifest fleet-manifest: tenant acme's home region us-west-2 is not in the fleet.",
            "Fleet manifest fleet-manifest: tenant globex's home region us-east-1 is not in its zone gdpr.",
            "Fleet manifest fleet-manifest: tenant initech declares no existing zone (zone: mars).",
        ]);
    });
    it("fails a manifest that is not JSON", () => {
        const m = mk(T.ssmParameter, "fleet-manifest", { type: "String", value: "{", tags: { "acgs2:manifest": "fleet" } });
        assert.match(messages(checkStack(fleetResidencyDeclared, [m]))[0], /^Fleet manifest fleet-manifest: its value is not valid JSON/);
    });
    it("applies to every stack (there is no not-applicable case): other types are simply ignored", () =>
        assert.deepEqual(checkStack(fleetResidencyDeclared, [manifest(), kms]), []));
    it("accepts an unknown manifest value", () => assert.deepEqual(checkStack(fleetResidencyDeclared, [
        mk(T.ssmParameter, "fleet-manifest", { type: "String", value: U, tags: { "acgs2:manifest": "fleet" } })]), []));
});

describe("residency configuration", () => {
    const r = mk(DS.rdsCluster, "db", { tags: tags("gdpr") }, { region: null });
    it("reports a store whose provider has no region when no defaultRegion is configured", () =>
        assert.deepEqual(messages(checkStack(dataResidencyInZone, [r])),
            ["aws:rds/cluster:Cluster db has no region: give it an explicit provider with region."]));
    it("falls back to the pack config's defaultRegion", () => {
        const props = dataResidencyInZone.configSchema!.properties;
        const configured = { ...dataResidencyInZone,
            configSchema: { properties: { ...props, defaultRegion: { type: "string" as const, default: "eu-central-1" } } } };
        assert.deepEqual(checkStack(configured, [r]), []);
        const elsewhere = { ...configured, configSchema: { properties: { ...props, defaultRegion: { type: "string" as const, default: "us-east-1" } } } };
        assert.deepEqual(messages(checkStack(elsewhere, [r])).length, 1);
    });
    it("requires zones and restrictedZones from the pack config, with no built-in defaults", () => {
        const schema = dataResidencyInZone.configSchema!;
        assert.deepEqual([...(schema.required ?? [])].sort(), ["restrictedZones", "zones"]);
        assert.equal((schema.properties.zones as any).default, undefined);
        assert.equal((schema.properties.restrictedZones as any).default, undefined);
        assert.ok(schema.properties.defaultRegion);
    });
    it("reports a mandatory violation with the fix, instead of crashing, when zones are absent", () => {
        for (const p of [dataResidencyInZone, replicationStaysInZone, fleetResidencyDeclared]) {
            assert.deepEqual(messages(checkStack(p, [manifest(), r], {})), [
                "The policy pack config lacks zones and restrictedZones (or they are malformed): " +
                "pass --pack-config, generated by `bin/acgs2 pack-config`."], p.name);
        }
    });
    it("RESIDENCY_POLICY_NAMES and residency-policies.json list exactly the policies configured by residencyConfigSchema", () => {
        const expected = allPolicies.filter(p => p.configSchema === residencyConfigSchema).map(p => p.name);
        assert.deepEqual([...RESIDENCY_POLICY_NAMES], expected);
        assert.deepEqual(JSON.parse(fs.readFileSync(path.join(POLICIES_DIR, "residency-policies.json"), "utf8")), expected);
        // and the DNS residency policy, whose config adds the front door's hostnames
        assert.deepEqual(Object.keys(loadPackConfig()).sort(), [...expected, "dns-record-stays-in-zone"].sort(), "test pack config covers them");
    });
});

describe("a restricted zone added by config alone", () => {
    const pdpa = { zones: { ...ZONES, pdpa: ["ap-southeast-1"] }, restrictedZones: [...RESTRICTED, "pdpa"] };
    const sg = manifest({
        stack: "ap-southeast-1", region: "ap-southeast-1", zone: "pdpa",
        zones: { ...ZONES, pdpa: ["ap-southeast-1"] }, restrictedZones: [...RESTRICTED, "pdpa"],
        tenants: { lion: { zone: "pdpa", homeRegion: "ap-southeast-1" } },
        fleet: [
            { stack: "us-east-1", region: "us-east-1", zone: "us", founding: true, joinOrder: 0 },
            { stack: "ap-southeast-1", region: "ap-southeast-1", zone: "pdpa", founding: false, joinOrder: 1 },
        ],
    }, "ap-southeast-1");
    const config = (residency: Record<string, any>) => Object.fromEntries(RESIDENCY_POLICY_NAMES.map(n => [n, { properties: residency }]));
    it("passes fleet-residency-declared when the config declares the zone", () =>
        assert.deepEqual(checkStack(fleetResidencyDeclared, [sg], config(pdpa)), []));
    it("fails it (\"does not know\") when the config does not", () =>
        assert.ok(messages(checkStack(fleetResidencyDeclared, [sg])).includes(
            "Fleet manifest fleet-manifest: declares zone pdpa, which the policy pack does not know.")));
    it("keeps a pdpa store in its zone and its replication inside it", () => {
        const db = cluster("db-sg", "ap-southeast-1", tags("pdpa", "lion"));
        assert.deepEqual(checkStack(dataResidencyInZone, [sg, db], config(pdpa)), []);
        const away = cluster("db-away", "us-east-1", tags("pdpa"));
        assert.deepEqual(messages(checkStack(dataResidencyInZone, [sg, away], config(pdpa))),
            ["aws:rds/cluster:Cluster db-away is in us-east-1, outside its zone pdpa (ap-southeast-1)."]);
    });
});

describe("fleet manifest schema (schemas/fleet-manifest.schema.json)", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(POLICIES_DIR, "schemas", "fleet-manifest.schema.json"), "utf8"));
    it("is what parseManifest checks: required fields come from the schema file", () => {
        const v = manifestValue();
        for (const k of schema.required as string[]) {
            const copy: Record<string, any> = { ...v };
            delete copy[k];
            assert.equal(parseManifest(JSON.stringify(copy)), `its value lacks ${k} (see policies/schemas/fleet-manifest.schema.json)`);
        }
        assert.equal(typeof parseManifest(JSON.stringify(v)), "object");
    });
    it("rejects wrong types and extra properties at the top level, in tenants and fleet entries", () => {
        const bad = (patch: Record<string, any>) => parseManifest(JSON.stringify(manifestValue(patch)));
        assert.match(bad({ zone: 1 }) as string, /^its value does not match .*: zone: Invalid type\. Expected: string, given: integer$/);
        assert.match(bad({ extra: true }) as string, /Additional property extra is not allowed/);
        assert.match(bad({ tenants: { t: { zone: "us" } } }) as string, /tenants\.t: homeRegion is required/);
        assert.match(bad({ tenants: { t: { zone: "us", homeRegion: "us-east-1", x: 1 } } }) as string, /tenants\.t: Additional property x is not allowed/);
        assert.match(bad({ fleet: [{ stack: "s", region: "r", zone: "us", founding: "yes", joinOrder: 0 }] }) as string,
            /fleet\.0\.founding: Invalid type\. Expected: boolean, given: string/);
        assert.match(bad({ fleet: [{ stack: "s", region: "r", zone: "us", founding: true, joinOrder: 1.5 }] }) as string,
            /fleet\.0\.joinOrder: Invalid type\. Expected: integer, given: number/);
        assert.match(bad({ zones: { us: "us-east-1" } }) as string, /zones\.us: Invalid type\. Expected: array, given: string/);
    });
    it("is JSON Schema draft-07 with additionalProperties false at the top and in tenant and fleet items", () => {
        assert.equal(schema.$schema, "http://json-schema.org/draft-07/schema#");
        assert.equal(schema.additionalProperties, false);
        assert.equal(schema.properties.tenants.additionalProperties.additionalProperties, false);
        assert.equal(schema.properties.fleet.items.additionalProperties, false);
    });
});
