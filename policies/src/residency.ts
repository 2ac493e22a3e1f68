// Residency rules of the baseline (policies/README.md, "Residency"). The conventions they read (tags, labels,
// annotations, the fleet manifest) are the contract in policies/README.md.
import { Policies, ReportViolation } from "@pulumi/policy";

import { DATA_STORE_TYPES, T as DS } from "./datastores";
import {
    asArray, dependsOn, get, isUnknown, ofType, quoteList, references, regionOf, ResidencyConfig, residencyPolicy,
    StackRes, stackPolicy, tagsOf,
} from "./util";
import { JsonSchema, validate } from "./jsonschema";
import manifestSchemaJson from "../schemas/fleet-manifest.schema.json";

export const TAG_ZONE = "acgs2:data-zone";
export const TAG_TENANT = "acgs2:tenant";
export const TAG_MANIFEST = "acgs2:manifest";
export const LABEL_ZONE = "acgs2.io/data-zone";
export const ANNOTATION_REGION = "acgs2.io/region";
export const ANNOTATION_CLUSTER_REGIONS = "acgs2.io/cluster-regions";
export const ANNOTATION_MIRRORED_TOPICS = "acgs2.io/mirrored-topics";

export const T = {
    ssmParameter: "aws:ssm/parameter:Parameter",
    bucketReplication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    kafkaTopic: "kubernetes:kafka.strimzi.io/v1:KafkaTopic",
    mirrorMaker2: "kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2",
} as const;

// ---------------------------------------------------------------------------------------------
// Fleet manifest
// ---------------------------------------------------------------------------------------------

/** The manifest's shape is defined once, in schemas/fleet-manifest.schema.json; these types mirror it. */
export const MANIFEST_SCHEMA_PATH = "policies/schemas/fleet-manifest.schema.json";
export const manifestSchema: JsonSchema = manifestSchemaJson;

export interface FleetMember {
    stack: string;
    region: string;
    zone: string;
    founding: boolean;
    joinOrder: number;
}

export interface Manifest {
    project: string;
    stack: string;
    region: string;
    zone: string;
    zones: Record<string, string[]>;
    restrictedZones: string[];
    tenants: Record<string, { zone: string; homeRegion: string }>;
    fleet: FleetMember[];
}

export function manifestsOf(resources: StackRes[]): StackRes[] {
    return ofType(resources, T.ssmParameter).filter(r => {
        const tags = tagsOf(r.props);
        return typeof tags === "object" && tags[TAG_MANIFEST] === "fleet";
    });
}

/** Parses a manifest's value: the manifest, "unknown" during preview, or an error message. */
export function parseManifest(value: unknown): Manifest | "unknown" | string {
    if (isUnknown(value)) {
        return "unknown";
    }
    if (typeof value !== "string") {
        return "its value is not a JSON string";
    }
    let m: any;
    try {
        m = JSON.parse(value);
    } catch (e) {
        return `its value is not valid JSON (${(e as Error).message})`;
    }
    if (!m || typeof m !== "object" || Array.isArray(m)) {
        return "its value is not a JSON object";
    }
    const errors = validate(manifestSchema, m);
    const missing = ((manifestSchema.required ?? []) as string[]).filter(k => m[k] === undefined);
    if (missing.length > 0) {
        return `its value lacks ${missing.join(", ")} (see ${MANIFEST_SCHEMA_PATH})`;
    }
    if (errors.length > 0) {
        return `its value does not match ${MANIFEST_SCHEMA_PATH}: ${errors.join("; ")}`;
    }
    return m as Manifest;
}

/** The stack's tenants, from its single parseable manifest, or undefined. */
function tenantsOf(resources: StackRes[]): Manifest["tenants"] | undefined {
    const ms = manifestsOf(resources);
    if (ms.length !== 1) {
        return undefined;
    }
    const m = parseManifest(ms[0].props.value);
    return typeof m === "object" ? m.tenants : undefined;
}

function regionsText(cfg: ResidencyConfig, zone: string): string {
    return (cfg.zones[zone] ?? []).join(", ");
}

// ---------------------------------------------------------------------------------------------
// data-residency-in-zone
// ---------------------------------------------------------------------------------------------

export const dataResidencyInZone = residencyPolicy({
    name: "data-residency-in-zone",
    description: "A tenant's data store lives only in regions of its sovereignty zone: data stores declare the " +
        `${TAG_ZONE} tag, their region is in that zone, a tenant's (${TAG_TENANT}) store is in the tenant's zone; ` +
        "Kafka topics likewise (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const stores = ofType(resources, ...DATA_STORE_TYPES)
            .filter(r => r.type !== DS.rdsGlobalCluster || r.props.tags !== undefined);
        const topics = ofType(resources, T.kafkaTopic);
        if (stores.length === 0 && topics.length === 0) {
            args.notApplicable("No data stores or Kafka topics in the stack");
        }
        const tenants = tenantsOf(resources);
        for (const s of stores) {
            const tags = tagsOf(s.props);
            if (isUnknown(tags)) {
                continue;
            }
            const zone = typeof tags === "object" ? tags[TAG_ZONE] : undefined;
            if (isUnknown(zone)) {
                continue;
            }
            if (typeof zone !== "string" || zone === "") {
                report(`${s.type} ${s.name} declares no ${TAG_ZONE} tag: tag it with its zone (${quoteList(Object.keys(cfg.zones))}).`, s.urn);
                continue;
            }
            if (!cfg.zones[zone]) {
                report(`${s.type} ${s.name} declares unknown zone "${zone}": use one of ${quoteList(Object.keys(cfg.zones))}.`, s.urn);
                continue;
            }
            const region = regionOf(s.res.provider, cfg);
            if (region === undefined) {
                report(`${s.type} ${s.name} has no region: give it an explicit provider with region.`, s.urn);
            } else if (!cfg.zones[zone].includes(region)) {
                report(`${s.type} ${s.name} is in ${region}, outside its zone ${zone} (${regionsText(cfg, zone)}).`, s.urn);
            }
            const tenant = typeof tags === "object" ? tags[TAG_TENANT] : undefined;
            if (typeof tenant === "string" && !isUnknown(tenant)) {
                const t = tenants?.[tenant];
                if (!t) {
                    report(`${s.type} ${s.name} belongs to tenant "${tenant}", which the fleet manifest does not declare.`, s.urn);
                } else if (t.zone !== zone) {
                    report(`${s.type} ${s.name} of tenant "${tenant}" is tagged zone ${zone}, but the tenant's zone is ${t.zone}.`, s.urn);
                }
            }
        }
        for (const k of topics) {
            const zone = get(k.props, `metadata.labels`)?.[LABEL_ZONE];
            const region = get(k.props, `metadata.annotations`)?.[ANNOTATION_REGION];
            if (isUnknown(zone) || isUnknown(region) || isUnknown(get(k.props, "metadata"))) {
                continue;
            }
            if (typeof zone !== "string" || !cfg.zones[zone]) {
                report(`KafkaTopic ${k.name} declares no known zone: set label ${LABEL_ZONE} to one of ${quoteList(Object.keys(cfg.zones))}.`, k.urn);
                continue;
            }
            if (typeof region !== "string") {
                if (cfg.restrictedZones.includes(zone)) {
                    report(`KafkaTopic ${k.name} of restricted zone ${zone} has no ${ANNOTATION_REGION} annotation, so its region cannot be proven.`, k.urn);
                }
            } else if (!cfg.zones[zone].includes(region)) {
                report(`KafkaTopic ${k.name} is in ${region}, outside its zone ${zone} (${regionsText(cfg, zone)}).`, k.urn);
            }
        }
    },
});

// ---------------------------------------------------------------------------------------------
// replication-stays-in-zone
// ---------------------------------------------------------------------------------------------

function zoneTag(r: StackRes): string | undefined {
    const tags = tagsOf(r.props);
    const z = typeof tags === "object" ? tags[TAG_ZONE] : undefined;
    return typeof z === "string" && !isUnknown(z) ? z : undefined;
}

/**
 * Checks one replication group (members of one global cluster / global datastore): members agree on
 * a zone, and every member's region is in it.
 */
function checkGroup(what: string, members: StackRes[], cfg: ResidencyConfig, report: ReportViolation): void {
    const zones = [...new Set(members.map(zoneTag).filter((z): z is string => z !== undefined))];
    if (zones.length > 1) {
        report(`${what} spans zones ${zones.join(", ")}: all its members must be in one zone.`, members[0].urn);
        return;
    }
    const zone = zones[0];
    if (zone === undefined || !cfg.zones[zone]) {
        return; // data-residency-in-zone reports the missing or unknown zone tag.
    }
    for (const m of members) {
        const region = regionOf(m.res.provider, cfg);
        if (region !== undefined && !cfg.zones[zone].includes(region)) {
            report(`${what} member ${m.name} is in ${region}, outside zone ${zone} (${regionsText(cfg, zone)}).`, m.urn);
        }
    }
}

const S3_ARN = /^arn:aws[a-z-]*:s3:::([^/]+)$/;
/** The platform's bucket names state their region: acgs2-<what>-<region>-<account>. */
export const ACGS2_BUCKET =
    /^acgs2-([a-z0-9-]+)-([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d)-(\d{12})$/;

/** The region an acgs2 bucket name states, if it follows the convention. */
export function namedRegion(bucketName: string): string | undefined {
    return ACGS2_BUCKET.exec(bucketName)?.[2];
}

export const bucketNameStatesRegion = residencyPolicy({
    name: "bucket-name-states-region",
    description: "A bucket named by the platform's convention (acgs2-<what>-<region>-<account>) is in the region its " +
        "name states, so another stack may locate it by name (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const named = ofType(resources, DS.bucket).filter(b => typeof b.props.bucket === "string" && !isUnknown(b.props.bucket)
            && ACGS2_BUCKET.test(b.props.bucket));
        if (named.length === 0) {
            args.notApplicable("No bucket named acgs2-<what>-<region>-<account> in the stack");
        }
        for (const b of named) {
            const stated = namedRegion(b.props.bucket);
            const actual = regionOf(b.res.provider, cfg);
            if (actual !== undefined && stated !== actual) {
                report(`Bucket ${b.props.bucket} is in ${actual} but its name states ${stated}: name it ` +
                    `acgs2-<what>-${actual}-<account>.`, b.urn);
            }
        }
    },
});

export const replicationStaysInZone = residencyPolicy({
    name: "replication-stays-in-zone",
    description: "No replication edge leaves its zone: Aurora global cluster and ElastiCache global datastore members, S3 " +
        "replication destinations and MirrorMaker 2 clusters are in the source's zone; for restricted zones a " +
        "destination whose region cannot be proven is a violation (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const globals = ofType(resources, DS.rdsGlobalCluster);
        const auroraMembers = ofType(resources, DS.rdsCluster).filter(c => c.props.globalClusterIdentifier !== undefined);
        const grgs = ofType(resources, DS.cacheGlobalReplicationGroup);
        const rgs = ofType(resources, DS.cacheReplicationGroup);
        const cacheMembers = rgs.filter(r => r.props.globalReplicationGroupId !== undefined);
        const replications = ofType(resources, T.bucketReplication);
        const mm2s = ofType(resources, T.mirrorMaker2);
        if (auroraMembers.length + grgs.length + cacheMembers.length + replications.length + mm2s.length === 0) {
            args.notApplicable("No replication edges in the stack");
        }

        // Aurora global clusters: group members by their global cluster (resource, else identifier).
        const auroraGroups = new Map<string, StackRes[]>();
        for (const m of auroraMembers) {
            const g = globals.find(g => references(m, "globalClusterIdentifier", g, g.props.globalClusterIdentifier));
            const key = g ? g.urn : m.props.globalClusterIdentifier;
            if (typeof key !== "string" || isUnknown(key)) {
                continue;
            }
            auroraGroups.set(key, [...(auroraGroups.get(key) ?? (g ? [g] : [])), m]);
        }
        for (const [key, members] of auroraGroups) {
            const g = globals.find(x => x.urn === key);
            checkGroup(`Aurora global cluster ${g ? g.name : key}`, members, cfg, report);
        }

        // ElastiCache global datastores: the primary group and the secondary members.
        const cacheGroups = new Map<string, StackRes[]>();
        for (const grg of grgs) {
            const primary = rgs.filter(r => references(grg, "primaryReplicationGroupId", r, r.props.replicationGroupId));
            cacheGroups.set(grg.urn, [...primary]);
        }
        for (const m of cacheMembers) {
            const grg = grgs.find(g => references(m, "globalReplicationGroupId", g));
            const key = grg ? grg.urn : m.props.globalReplicationGroupId;
            if (typeof key !== "string" || isUnknown(key)) {
                continue;
            }
            cacheGroups.set(key, [...(cacheGroups.get(key) ?? []), m]);
        }
        for (const [key, members] of cacheGroups) {
            const g = grgs.find(x => x.urn === key);
            if (members.length > 0) {
                checkGroup(`ElastiCache global datastore ${g ? g.name : key}`, members, cfg, report);
            }
        }

        // S3 replication: each rule's destination bucket must be in the source bucket's zone. A bucket of
        // another stack (a later region owns the links to the earlier ones) is located by the platform's
        // bucket name, acgs2-<what>-<region>-<account>, which bucket-name-states-region holds true in
        // the bucket's own stack. The source of a configuration is in the configuration's region.
        const buckets = ofType(resources, DS.bucket);
        for (const rc of replications) {
            // a known source name names the source (it may be another stack's bucket: then none here);
            // an unknown one (the bucket's id during preview): the bucket the configuration depends on
            const sourceName = typeof rc.props.bucket === "string" && !isUnknown(rc.props.bucket) ? rc.props.bucket : undefined;
            const source = sourceName !== undefined ? buckets.find(b => b.props.bucket === sourceName)
                : buckets.find(b => dependsOn(rc, b));
            const sourceRegion = source ? regionOf(source.res.provider, cfg) : regionOf(rc.res.provider, cfg);
            const rules = rc.props.rules;
            if (isUnknown(rules)) {
                continue;
            }
            const resolved = asArray(rules).map(rule => {
                const arn = get(rule, "destination.bucket");
                const known = typeof arn === "string" && !isUnknown(arn);
                let dests: StackRes[];
                let named: string | undefined;
                if (known) {
                    const name = S3_ARN.exec(arn)?.[1];
                    dests = buckets.filter(b => name !== undefined && b.props.bucket === name);
                    named = dests.length === 0 && name !== undefined ? namedRegion(name) : undefined;
                } else {
                    // Unknown ARN (the destination's arn output during preview): the buckets it depends on.
                    dests = buckets.filter(b => b !== source && dependsOn(rc, b));
                }
                const regions = named ? [named] : dests.map(d => regionOf(d.res.provider, cfg));
                return { arn: known ? arn as string : undefined, dests, regions };
            });
            const zone = source ? zoneTag(source)
                : resolved.flatMap(r => r.dests).map(zoneTag).find(z => z !== undefined);
            if (zone === undefined || !cfg.zones[zone]) {
                continue; // an unresolvable source is reported by its own stack; a missing zone by data-residency-in-zone.
            }
            const restricted = cfg.restrictedZones.includes(zone);
            const from = source ? `bucket ${source.name}` : `bucket ${sourceName ?? "(unknown)"} of ${sourceRegion ?? "an unknown region"}`;
            if (!source && sourceRegion !== undefined && !cfg.zones[zone].includes(sourceRegion)) {
                report(`Replication ${rc.name} copies ${from} into zone ${zone}: the source region is outside the zone ` +
                    `(${regionsText(cfg, zone)}).`, rc.urn);
            }
            resolved.forEach(({ arn, dests, regions }, i) => {
                if (regions.length === 0 || regions.some(r => r === undefined)) {
                    if (restricted) {
                        report(`Replication ${rc.name} rule ${i} from ${from} (restricted zone ${zone}) goes to ` +
                            `${arn ?? "an unknown bucket"}, whose region cannot be proven: replicate only to a bucket of ` +
                            "this stack or one named acgs2-<what>-<region>-<account>.", rc.urn);
                    }
                    return;
                }
                const outside = regions.filter(r => !cfg.zones[zone].includes(r as string));
                if (outside.length > 0) {
                    if (arn !== undefined) {
                        report(`Replication ${rc.name} rule ${i} copies ${from} (zone ${zone}) to ${outside.join(", ")}, ` +
                            `outside the zone (${regionsText(cfg, zone)}).`, rc.urn);
                    } else if (restricted) {
                        report(`Replication ${rc.name} rule ${i} from ${from} (restricted zone ${zone}) may go to ` +
                            `${outside.join(", ")}: its destination region cannot be proven.`, rc.urn);
                    }
                }
                void dests;
            });
        }

        // MirrorMaker 2 (Strimzi kafka.strimzi.io/v1): each mirror declares its topics with their zones
        // (annotation acgs2.io/mirrored-topics), its topicsPattern is exactly those names, and both
        // regions of the edge (spec.target.alias, spec.mirrors[].source.alias, located by annotation
        // acgs2.io/cluster-regions) are in every mirrored topic's zone.
        for (const mm of mm2s) {
            const annotations = get(mm.props, "metadata.annotations");
            if (isUnknown(annotations)) {
                continue;
            }
            const rawRegions = annotations?.[ANNOTATION_CLUSTER_REGIONS];
            const rawTopics = annotations?.[ANNOTATION_MIRRORED_TOPICS];
            if (isUnknown(rawRegions) || isUnknown(rawTopics)) {
                continue;
            }
            let regions: Record<string, unknown> = {};
            let topics: Record<string, unknown> = {};
            try {
                regions = typeof rawRegions === "string" ? JSON.parse(rawRegions) : {};
            } catch {
                report(`KafkaMirrorMaker2 ${mm.name} annotation ${ANNOTATION_CLUSTER_REGIONS} is not JSON {alias: region}.`, mm.urn);
                continue;
            }
            try {
                topics = typeof rawTopics === "string" ? JSON.parse(rawTopics) : {};
            } catch {
                report(`KafkaMirrorMaker2 ${mm.name} annotation ${ANNOTATION_MIRRORED_TOPICS} is not JSON {topic: zone}.`, mm.urn);
                continue;
            }
            if (typeof rawTopics !== "string" || Object.keys(topics).length === 0) {
                report(`KafkaMirrorMaker2 ${mm.name} declares no mirrored topics: set annotation ${ANNOTATION_MIRRORED_TOPICS} to ` +
                    "JSON {topic: zone} and topicsPattern to exactly those names.", mm.urn);
                continue;
            }
            const target = get(mm.props, "spec.target.alias");
            const mirrors = get(mm.props, "spec.mirrors");
            if (isUnknown(target) || isUnknown(mirrors)) {
                continue;
            }
            const expected = Object.keys(topics).sort().map(t => t.replace(/\./g, "\\.")).join("|");
            asArray(mirrors).forEach((m, i) => {
                const source = get(m, "source.alias");
                const pattern = get(m, "topicsPattern");
                if (!isUnknown(pattern) && pattern !== expected) {
                    report(`KafkaMirrorMaker2 ${mm.name} mirror ${i} has topicsPattern ${JSON.stringify(pattern)}, which may mirror ` +
                        `topics it does not declare: write exactly ${JSON.stringify(expected)}.`, mm.urn);
                }
                for (const alias of [source, target]) {
                    if (isUnknown(alias)) {
                        continue;
                    }
                    const region = typeof alias === "string" ? regions?.[alias] : undefined;
                    for (const [topic, zone] of Object.entries(topics)) {
                        if (typeof zone !== "string" || !cfg.zones[zone]) {
                            report(`KafkaMirrorMaker2 ${mm.name} mirrors topic ${topic} of unknown zone ${String(zone)}: use one of ` +
                                `${quoteList(Object.keys(cfg.zones))}.`, mm.urn);
                            continue;
                        }
                        if (typeof region !== "string") {
                            if (cfg.restrictedZones.includes(zone)) {
                                report(`KafkaMirrorMaker2 ${mm.name} mirrors topic ${topic} (restricted zone ${zone}) with cluster ` +
                                    `${String(alias)}, whose region cannot be proven: add it to annotation ${ANNOTATION_CLUSTER_REGIONS}.`, mm.urn);
                            }
                        } else if (!cfg.zones[zone].includes(region)) {
                            report(`KafkaMirrorMaker2 ${mm.name} mirrors topic ${topic} (zone ${zone}) ${alias === target ? "to" : "from"} ` +
                                `${region}, outside the zone (${regionsText(cfg, zone)}).`, mm.urn);
                        }
                    }
                }
            });
        }
    },
});

// ---------------------------------------------------------------------------------------------
// fleet-residency-declared
// ---------------------------------------------------------------------------------------------

export const fleetResidencyDeclared = residencyPolicy({
    name: "fleet-residency-declared",
    description: `Each stack declares its fleet in one aws:ssm/parameter:Parameter tagged ${TAG_MANIFEST}=fleet: every fleet ` +
        "region declares a zone that exists and allows it, every tenant's home region is in the fleet and in its zone, " +
        "and the manifest's region is its provider's (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const ms = manifestsOf(resources);
        if (ms.length === 0) {
            report(`The stack declares no fleet manifest: register one ${T.ssmParameter} tagged ${TAG_MANIFEST}=fleet.`);
            return;
        }
        if (ms.length > 1) {
            report(`The stack declares ${ms.length} fleet manifests (${ms.map(m => m.name).join(", ")}): keep exactly one.`, ms[1].urn);
            return;
        }
        const r = ms[0];
        const bad = (msg: string) => report(`Fleet manifest ${r.name}: ${msg}`, r.urn);
        if (r.props.type !== "String" && !isUnknown(r.props.type)) {
            bad(`type is ${r.props.type}, expected String.`);
        }
        const m = parseManifest(r.props.value);
        if (m === "unknown") {
            return;
        }
        if (typeof m === "string") {
            bad(`${m}.`);
            return;
        }
        const region = regionOf(r.res.provider, cfg);
        if (region !== m.region) {
            bad(`declares region ${m.region}, but its provider's region is ${region ?? "unset"}.`);
        }
        // The manifest may not widen a zone or lift a restriction set by the policy pack.
        for (const [zone, regions] of Object.entries(m.zones)) {
            const allowed = cfg.zones[zone];
            if (!allowed) {
                bad(`declares zone ${zone}, which the policy pack does not know.`);
            } else {
                const extra = asArray(regions).filter(x => !allowed.includes(x));
                if (extra.length > 0) {
                    bad(`zone ${zone} lists ${extra.join(", ")}, outside the policy pack's ${zone} regions (${allowed.join(", ")}).`);
                }
            }
        }
        for (const zone of cfg.restrictedZones) {
            if (m.zones[zone] && !m.restrictedZones.includes(zone)) {
                bad(`zone ${zone} must be listed in restrictedZones.`);
            }
        }
        const zoneAllows = (zone: string, reg: string) => asArray(m.zones[zone]).includes(reg) && (cfg.zones[zone] ?? []).includes(reg);
        if (!m.zones[m.zone]) {
            bad(`its own zone ${m.zone} is not declared in zones.`);
        } else if (!zoneAllows(m.zone, m.region)) {
            bad(`its region ${m.region} is not in its zone ${m.zone}.`);
        }
        const fleetRegions = m.fleet.map(f => f?.region);
        if (!fleetRegions.includes(m.region)) {
            bad(`its region ${m.region} is not in the fleet.`);
        }
        for (const f of m.fleet) {
            if (!f || typeof f.region !== "string") {
                bad("a fleet entry has no region.");
            } else if (typeof f.zone !== "string" || !m.zones[f.zone]) {
                bad(`fleet region ${f.region} declares no existing zone (zone: ${f?.zone ?? "unset"}).`);
            } else if (!zoneAllows(f.zone, f.region)) {
                bad(`fleet region ${f.region} is not allowed by its zone ${f.zone}.`);
            }
        }
        for (const [tenant, t] of Object.entries(m.tenants)) {
            if (!t || typeof t.zone !== "string" || !m.zones[t.zone]) {
                bad(`tenant ${tenant} declares no existing zone (zone: ${t?.zone ?? "unset"}).`);
                continue;
            }
            if (typeof t.homeRegion !== "string" || !fleetRegions.includes(t.homeRegion)) {
                bad(`tenant ${tenant}'s home region ${t.homeRegion ?? "(unset)"} is not in the fleet.`);
            } else if (!zoneAllows(t.zone, t.homeRegion)) {
                bad(`tenant ${tenant}'s home region ${t.homeRegion} is not in its zone ${t.zone}.`);
            }
        }
    },
});

export const residencyPolicies: Policies = [
    dataResidencyInZone,
    replicationStaysInZone,
    bucketNameStatesRegion,
    fleetResidencyDeclared,
];
