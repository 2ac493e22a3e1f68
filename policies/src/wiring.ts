// The services' wiring to their data (policies/README.md, "Wiring"): a service in region R names no
// store of a domain not placed in R (its objects, its role's policy, its egress), no IAM policy grants
// data on a wildcard resource, and every KafkaUser's ACLs name only topics whose zone allows its
// region. The conventions they read are the program's: annotation acgs2.io/data-domains (JSON
// {domain: zone}) and acgs2.io/region on the wiring's Kubernetes objects, tag acgs2:data-domains
// ("domain:zone ...") on its roles, tag acgs2:data-domain on the stores, label strimzi.io/cluster and
// annotation acgs2.io/topics (JSON {topic: zone}) on KafkaUsers.
import { Policies, ReportViolation } from "@pulumi/policy";

import { DATA_STORE_TYPES } from "./datastores";
import {
    asArray, dependsOn, get, isUnknown, ofType, regionOf, ResidencyConfig, residencyPolicy, StackRes,
    stackPolicy, tagsOf,
} from "./util";
import { ANNOTATION_REGION, namedRegion } from "./residency";

export const ANNOTATION_DOMAINS = "acgs2.io/data-domains";
export const ANNOTATION_TOPICS = "acgs2.io/topics";
export const TAG_DOMAINS = "acgs2:data-domains";
export const TAG_DOMAIN = "acgs2:data-domain";
export const LABEL_DOMAIN = "acgs2.io/data-domain";

export const T = {
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    vpc: "aws:ec2/vpc:Vpc",
    kafkaUser: "kubernetes:kafka.strimzi.io/v1:KafkaUser",
    kafkaTopic: "kubernetes:kafka.strimzi.io/v1:KafkaTopic",
    networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    serviceEntry: "kubernetes:networking.istio.io/v1:ServiceEntry",
} as const;

/** The ports of the stores a service's egress opens. */
const STORE_PORTS = [5432, 6379];

function annotations(r: StackRes): Record<string, any> | undefined {
    const a = get(r.props, "metadata.annotations");
    return a && typeof a === "object" && !isUnknown(a) ? a : undefined;
}

function json(text: unknown): any {
    if (typeof text !== "string" || isUnknown(text)) {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

// ---------------------------------------------------------------------------------------------
// IPv4 ranges
// ---------------------------------------------------------------------------------------------

function ipv4(cidr: string): [number, number] | undefined {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) {
        return undefined;
    }
    const n = ((+m[1] << 24) >>> 0) + (+m[2] << 16) + (+m[3] << 8) + +m[4];
    const prefix = +m[5];
    const size = 2 ** (32 - prefix);
    const start = Math.floor(n / size) * size;
    return [start, start + size - 1];
}

/** Whether `inner` lies inside one of `outers`. */
export function within(inner: string, outers: string[]): boolean {
    const i = ipv4(inner);
    return i !== undefined && outers.some(o => {
        const r = ipv4(o);
        return r !== undefined && i[0] >= r[0] && i[1] <= r[1];
    });
}

// ---------------------------------------------------------------------------------------------
// service-wiring-in-region
// ---------------------------------------------------------------------------------------------

/** Per region, the domains with a store (or a topic) in this stack: where they are placed. */
function placedDomains(resources: StackRes[], cfg: ResidencyConfig): Map<string, Set<string>> {
    const placed = new Map<string, Set<string>>();
    const add = (region: string | undefined, domain: unknown) => {
        if (region !== undefined && typeof domain === "string" && !isUnknown(domain)) {
            placed.set(region, (placed.get(region) ?? new Set()).add(domain));
        }
    };
    for (const s of ofType(resources, ...DATA_STORE_TYPES)) {
        const tags = tagsOf(s.props);
        add(regionOf(s.res.provider, cfg), typeof tags === "object" ? tags[TAG_DOMAIN] : undefined);
    }
    for (const t of ofType(resources, T.kafkaTopic)) {
        add(annotations(t)?.[ANNOTATION_REGION], get(t.props, "metadata.labels")?.[LABEL_DOMAIN]);
    }
    return placed;
}

/** The domains (with zones) a wiring object declares, or a problem with the declaration. */
function declared(r: StackRes): { domains: Record<string, string>; region?: string } | string | undefined {
    if (r.type === T.role) {
        const tags = tagsOf(r.props);
        const value = typeof tags === "object" ? tags[TAG_DOMAINS] : undefined;
        if (value === undefined || isUnknown(value)) {
            return undefined;
        }
        const domains: Record<string, string> = {};
        for (const pair of String(value).split(/\s+/).filter(p => p.length > 0)) {
            const [d, z] = pair.split(":");
            if (!d || !z) {
                return `tag ${TAG_DOMAINS} "${value}" is not "domain:zone ..."`;
            }
            domains[d] = z;
        }
        return { domains };
    }
    const a = annotations(r);
    const raw = a?.[ANNOTATION_DOMAINS];
    if (raw === undefined || isUnknown(raw)) {
        return undefined;
    }
    const domains = json(raw);
    if (!domains || typeof domains !== "object" || Array.isArray(domains)) {
        return `annotation ${ANNOTATION_DOMAINS} is not JSON {domain: zone}`;
    }
    const region = a?.[ANNOTATION_REGION];
    if (typeof region !== "string" || isUnknown(region)) {
        return `it names data domains but no region (annotation ${ANNOTATION_REGION})`;
    }
    return { domains, region };
}

/** The ARNs and hosts of a policy document that locate data: each with the region it names. */
function policyRegions(doc: any): { what: string; region: string | undefined }[] {
    const out: { what: string; region: string | undefined }[] = [];
    for (const s of asArray(doc?.Statement)) {
        for (const r of asArray(s?.Resource)) {
            if (typeof r !== "string") {
                continue;
            }
            const arn = /^arn:[a-z-]+:([a-z0-9-]+):([a-z0-9-]*):/.exec(r);
            if (!arn) {
                continue;
            }
            if (arn[1] === "s3") {
                const bucket = /^arn:[a-z-]+:s3:::([^/]+)/.exec(r)?.[1];
                out.push({ what: r, region: bucket ? namedRegion(bucket) : undefined });
            } else if (["rds-db", "kms", "secretsmanager", "elasticache", "rds"].includes(arn[1])) {
                out.push({ what: r, region: arn[2] });
            }
        }
    }
    return out;
}

export const serviceWiringInRegion = residencyPolicy({
    name: "service-wiring-in-region",
    description: "A service in region R is wired only to data placed in R: every object of its wiring (service account, " +
        `endpoints, secrets, egress, registry entries, Kafka user, role) declares its domains (${ANNOTATION_DOMAINS}, ` +
        `${TAG_DOMAINS}) and each has a store or topic in R in this stack and a zone that allows R; the role's policy names ` +
        "databases, keys, secrets and buckets of R only; the egress reaches databases and caches only inside R's VPC " +
        "(acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const placed = placedDomains(resources, cfg);
        const wired = resources.filter(r => declared(r) !== undefined);
        if (wired.length === 0) {
            args.notApplicable("No service wiring in the stack");
        }
        const roleRegions = new Map<string, string>();
        for (const r of wired) {
            const d = declared(r)!;
            if (typeof d === "string") {
                report(`${r.type} ${r.name}: ${d}.`, r.urn);
                continue;
            }
            const region = d.region ?? regionOf(r.res.provider, cfg);
            if (region === undefined) {
                report(`${r.type} ${r.name} names data domains but its region cannot be proven.`, r.urn);
                continue;
            }
            if (r.type === T.role) {
                roleRegions.set(r.urn, region);
            }
            for (const [domain, zone] of Object.entries(d.domains)) {
                if (!cfg.zones[zone]) {
                    report(`${r.type} ${r.name} names domain ${domain} of unknown zone ${zone}.`, r.urn);
                } else if (!cfg.zones[zone].includes(region)) {
                    report(`${r.type} ${r.name} in ${region} names domain ${domain} of zone ${zone}, which does not allow ${region}.`, r.urn);
                }
                if (!placed.get(region)?.has(domain)) {
                    report(`${r.type} ${r.name} in ${region} names domain ${domain}, which has no store or topic in ${region}: ` +
                        "wire a service only to domains placed in its region.", r.urn);
                }
            }
            checkReach(r, region, resources, cfg, report);
        }
        // the wiring roles' policies: every data ARN of the role's region
        for (const p of ofType(resources, T.rolePolicy)) {
            const role = wired.find(r => r.type === T.role && (dependsOn(p, r) || get(p.props, "role") === get(r.props, "name")));
            const region = role ? roleRegions.get(role.urn) : undefined;
            const doc = json(get(p.props, "policy"));
            if (region === undefined || doc === undefined) {
                continue;
            }
            if (doc === null) {
                report(`RolePolicy ${p.name} is not JSON.`, p.urn);
                continue;
            }
            for (const { what, region: named } of policyRegions(doc)) {
                if (named !== region) {
                    report(`RolePolicy ${p.name} of a ${region} service names ${what}` +
                        (named ? `, in ${named}` : ", whose region cannot be proven") + ": grant only the region's own data.", p.urn);
                }
            }
        }
    },
});

/** A wiring NetworkPolicy or ServiceEntry reaches databases and caches only in its region's VPC. */
function checkReach(r: StackRes, region: string, resources: StackRes[], cfg: ResidencyConfig, report: ReportViolation): void {
    const vpcs = ofType(resources, T.vpc).filter(v => regionOf(v.res.provider, cfg) === region)
        .map(v => get(v.props, "cidrBlock")).filter((c): c is string => typeof c === "string" && !isUnknown(c));
    if (vpcs.length === 0) {
        return;
    }
    if (r.type === T.networkPolicy) {
        for (const rule of asArray(get(r.props, "spec.egress"))) {
            const ports = asArray(rule?.ports).map(p => p?.port);
            if (!ports.some(p => STORE_PORTS.includes(p))) {
                continue;
            }
            for (const peer of asArray(rule?.to)) {
                const cidr = get(peer, "ipBlock.cidr");
                if (typeof cidr === "string" && !isUnknown(cidr) && !within(cidr, vpcs)) {
                    report(`NetworkPolicy ${r.name} of ${region} opens ${ports.join(", ")} to ${cidr}, outside the region's VPC ` +
                        `(${vpcs.join(", ")}): a store of another region.`, r.urn);
                }
            }
        }
    }
    if (r.type === T.serviceEntry) {
        for (const cidr of asArray(get(r.props, "spec.addresses"))) {
            if (typeof cidr === "string" && !isUnknown(cidr) && !within(cidr.includes("/") ? cidr : cidr + "/32", vpcs)) {
                report(`ServiceEntry ${r.name} of ${region} admits ${cidr}, outside the region's VPC (${vpcs.join(", ")}).`, r.urn);
            }
        }
        for (const host of asArray(get(r.props, "spec.hosts"))) {
            const s3 = /\.s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(String(host));
            if (s3 && s3[1] !== region) {
                report(`ServiceEntry ${r.name} of ${region} admits ${host}, a bucket endpoint of ${s3[1]}.`, r.urn);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// no-wildcard-data-resources
// ---------------------------------------------------------------------------------------------

/** Actions that read or write data (or the keys and secrets that open it); a bucket's location, tags or configuration are not data. */
export const DATA_ACTION = /^(rds-db:|s3:(\*|GetObject|PutObject|DeleteObject|RestoreObject|AbortMultipartUpload|ListMultipartUploadParts|ListBucket$|ListBucketVersions|ListBucketMultipartUploads)|secretsmanager:(\*|GetSecretValue)|kms:(\*|Decrypt|Encrypt|GenerateDataKey|ReEncrypt)|elasticache:(\*|Connect)|dynamodb:|kafka-cluster:|\*$)/i;

/** Why a resource is a wildcard where one can be named, or undefined. */
export function wildcardProblem(resource: string): string | undefined {
    if (resource === "*") {
        return "every resource";
    }
    const s3 = /^arn:[a-z-]+:s3:::([^/]*)(\/.*)?$/.exec(resource);
    if (s3) {
        // a key pattern inside a named bucket is how objects are named; the bucket itself must be named
        return s3[1].includes("*") || s3[1].includes("?") ? `buckets matching ${s3[1]}` : undefined;
    }
    const arn = /^arn:[^:]*:[^:]*:([^:]*):([^:]*):(.*)$/.exec(resource);
    if (arn && (arn[1].includes("*") || arn[2].includes("*") || arn[3].includes("*"))) {
        return `a pattern (${resource})`;
    }
    return undefined;
}

function documents(r: StackRes): { where: string; doc: any }[] {
    if (r.type === T.rolePolicy || r.type === T.policy) {
        return [{ where: r.name, doc: json(get(r.props, "policy")) }];
    }
    if (r.type === T.role) {
        return asArray(get(r.props, "inlinePolicies")).map((p, i) => ({ where: `${r.name} inline policy ${p?.name ?? i}`, doc: json(p?.policy) }));
    }
    return [];
}

export const noWildcardDataResources = stackPolicy({
    name: "no-wildcard-data-resources",
    description: "No IAM identity policy grants a data action (rds-db, S3 objects and buckets, Secrets Manager values, KMS " +
        "use, ElastiCache, DynamoDB, MSK) on a wildcard resource: the buckets, database users, secrets and keys are named " +
        "(an object key pattern inside a named bucket is allowed) (Checkov CKV_AWS_355, CKV_AWS_290; least privilege).",
    check: (resources, args, report) => {
        const policies = resources.filter(r => r.type === T.rolePolicy || r.type === T.policy || r.type === T.role);
        if (policies.length === 0) {
            args.notApplicable("No IAM policies in the stack");
        }
        for (const r of policies) {
            for (const { where, doc } of documents(r)) {
                if (doc === undefined || doc === null) {
                    continue;
                }
                asArray(doc.Statement).forEach((s, i) => {
                    if (s?.Effect !== "Allow") {
                        return;
                    }
                    const actions = asArray(s.Action).map(String).filter(a => DATA_ACTION.test(a));
                    if (actions.length === 0) {
                        return;
                    }
                    if (s.NotResource !== undefined) {
                        report(`${where} statement ${s.Sid ?? i} grants ${actions.join(", ")} with NotResource: name the resources.`, r.urn);
                        return;
                    }
                    for (const res of asArray(s.Resource).map(String)) {
                        const problem = wildcardProblem(res);
                        if (problem) {
                            report(`${where} statement ${s.Sid ?? i} grants ${actions.join(", ")} on ${problem}: name the data's resources.`, r.urn);
                        }
                    }
                });
            }
        }
    },
});

// ---------------------------------------------------------------------------------------------
// kafka-user-acls-in-region
// ---------------------------------------------------------------------------------------------

/** MirrorMaker 2's own topics, and the copies it mirrors in from a region (their names start with it). */
const MIRROR_INTERNAL_LITERAL = ["heartbeats"];
const MIRROR_INTERNAL_PREFIX = /^(mm2-|mirrormaker2-[a-z0-9-]+-)$/;
const REGION_PREFIX = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)\.$/;

export const kafkaUserAclsInRegion = residencyPolicy({
    name: "kafka-user-acls-in-region",
    description: "Every KafkaUser's topic ACLs name only topics whose domain's zone allows the user's cluster's region: " +
        `the user declares its region (${ANNOTATION_REGION}) and its topics with their zones (${ANNOTATION_TOPICS}), which ` +
        "agree with the KafkaTopics of this stack; no wildcard topic; prefixes only for MirrorMaker 2's own topics and the " +
        "copies of a region whose every declared topic's zone allows both regions (acgs2 residency baseline).",
    check: (resources, args, report, cfg) => {
        const users = ofType(resources, T.kafkaUser);
        if (users.length === 0) {
            args.notApplicable("No KafkaUsers in the stack");
        }
        // what this stack's topics say their zones are, per cluster
        const topicZones = new Map<string, string>();
        for (const t of ofType(resources, T.kafkaTopic)) {
            const labels = get(t.props, "metadata.labels");
            const name = get(t.props, "metadata.name");
            if (labels && typeof name === "string") {
                topicZones.set(`${labels["strimzi.io/cluster"]}/${name}`, labels["acgs2.io/data-zone"]);
            }
        }
        for (const u of users) {
            const a = annotations(u);
            const acls = get(u.props, "spec.authorization.acls");
            if (a === undefined || isUnknown(acls)) {
                continue;
            }
            const topicAcls = asArray(acls).filter(acl => get(acl, "resource.type") === "topic");
            if (topicAcls.length === 0) {
                continue;
            }
            const region = a[ANNOTATION_REGION];
            const declaredTopics = json(a[ANNOTATION_TOPICS]);
            const cluster = get(u.props, "metadata.labels")?.["strimzi.io/cluster"];
            if (typeof region !== "string") {
                report(`KafkaUser ${u.name} has topic ACLs but no region (annotation ${ANNOTATION_REGION}).`, u.urn);
                continue;
            }
            if (!declaredTopics || typeof declaredTopics !== "object") {
                report(`KafkaUser ${u.name} has topic ACLs but declares no topics (annotation ${ANNOTATION_TOPICS}, JSON {topic: zone}).`, u.urn);
                continue;
            }
            const allows = (zone: unknown, r: string) => typeof zone === "string" && (cfg.zones[zone] ?? []).includes(r);
            for (const [topic, zone] of Object.entries(declaredTopics)) {
                if (!allows(zone, region)) {
                    report(`KafkaUser ${u.name} in ${region} declares topic ${topic} of zone ${String(zone)}, which does not allow ${region}.`, u.urn);
                }
                const actual = topicZones.get(`${cluster}/${topic}`);
                if (actual !== undefined && actual !== zone) {
                    report(`KafkaUser ${u.name} declares topic ${topic} as zone ${String(zone)}, but the KafkaTopic says ${actual}.`, u.urn);
                }
            }
            for (const acl of topicAcls) {
                const name = get(acl, "resource.name");
                const pattern = get(acl, "resource.patternType") ?? "literal";
                if (isUnknown(name)) {
                    continue;
                }
                if (typeof name !== "string" || name === "*" || name.includes("*")) {
                    report(`KafkaUser ${u.name} has an ACL on every topic (${String(name)}): name its topics.`, u.urn);
                } else if (pattern === "prefix") {
                    const from = REGION_PREFIX.exec(name)?.[1];
                    if (MIRROR_INTERNAL_PREFIX.test(name)) {
                        continue;
                    }
                    if (from === undefined) {
                        report(`KafkaUser ${u.name} has a prefix ACL on topics ${name}*: name its topics.`, u.urn);
                    } else {
                        for (const [topic, zone] of Object.entries(declaredTopics)) {
                            if (!allows(zone, from)) {
                                report(`KafkaUser ${u.name} takes copies from ${from} (${name}*) of topic ${topic}, whose zone ` +
                                    `${String(zone)} does not allow ${from}.`, u.urn);
                            }
                        }
                    }
                } else if (!MIRROR_INTERNAL_LITERAL.includes(name) && !(name in declaredTopics)) {
                    report(`KafkaUser ${u.name} has an ACL on topic ${name}, which it does not declare in ${ANNOTATION_TOPICS}.`, u.urn);
                }
            }
        }
    },
});

export const wiringPolicies: Policies = [
    serviceWiringInRegion,
    noWildcardDataResources,
    kafkaUserAclsInRegion,
];


