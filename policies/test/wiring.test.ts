import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import { kafkaUserAclsInRegion, noWildcardDataResources, serviceWiringInRegion, T, wildcardProblem, within } from "../src/wiring";
import { checkStack, messages, mk, U } from "./helpers";

const ACCOUNT = "123456789012";
const store = (domain: string, zone: string, region: string) => mk("aws:rds/cluster:Cluster", `db-${domain}-${region}`,
    { tags: { "acgs2:data-domain": domain, "acgs2:data-zone": zone } }, { region });
const vpc = (region: string, cidr: string) => mk(T.vpc, `vpc-${region}`, { cidrBlock: cidr }, { region });
const configMap = (domains: Record<string, string>, region = "eu-west-1") => mk("kubernetes:core/v1:ConfigMap", "svc-data", {
    metadata: { name: "svc-data", annotations: { "acgs2.io/data-domains": JSON.stringify(domains), "acgs2.io/region": region } },
});
const role = (domains: string, region = "eu-west-1") => mk(T.role, "svc-role", { name: "svc-role", tags: { "acgs2:data-domains": domains } }, { region });
const policy = (statements: any[], r = role("eu:gdpr")) => mk(T.rolePolicy, "svc-policy",
    { role: "svc-role", policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }, { region: "eu-west-1", deps: [r] });
const egress = (cidr: string, port = 5432) => mk(T.networkPolicy, "svc-egress", {
    metadata: { name: "svc-egress", annotations: { "acgs2.io/data-domains": "{\"eu\":\"gdpr\"}", "acgs2.io/region": "eu-west-1" } },
    spec: { egress: [{ to: [{ ipBlock: { cidr } }], ports: [{ protocol: "TCP", port }] }] },
});
const euBase = [store("eu", "gdpr", "eu-west-1"), vpc("eu-west-1", "10.20.0.0/16")];

describe("service-wiring-in-region", () => {
    it("passes wiring of the domains placed in the region", () => {
        const r = role("eu:gdpr");
        assert.deepEqual(checkStack(serviceWiringInRegion, [...euBase, configMap({ eu: "gdpr" }), r, egress("10.20.128.0/18"),
            policy([{ Sid: "Connect", Effect: "Allow", Action: ["rds-db:connect"], Resource: [`arn:aws:rds-db:eu-west-1:${ACCOUNT}:dbuser:cluster-A/svc_a`] },
                { Sid: "Objects", Effect: "Allow", Action: ["s3:GetObject"], Resource: [`arn:aws:s3:::acgs2-eu-eu-west-1-${ACCOUNT}/*`] }], r)]), []);
    });
    it("fails a domain not placed in the region, or of a zone that does not allow it", () => {
        assert.deepEqual(messages(checkStack(serviceWiringInRegion, [...euBase, configMap({ eu: "gdpr", ustenants: "us" })])), [
            "kubernetes:core/v1:ConfigMap svc-data in eu-west-1 names domain ustenants of zone us, which does not allow eu-west-1.",
            "kubernetes:core/v1:ConfigMap svc-data in eu-west-1 names domain ustenants, which has no store or topic in eu-west-1: " +
            "wire a service only to domains placed in its region.",
        ]);
        assert.deepEqual(messages(checkStack(serviceWiringInRegion, [...euBase, role("eu:gdpr other:gdpr")])), [
            "aws:iam/role:Role svc-role in eu-west-1 names domain other, which has no store or topic in eu-west-1: wire a service only " +
            "to domains placed in its region.",
        ]);
        assert.deepEqual(messages(checkStack(serviceWiringInRegion, [...euBase, mk("kubernetes:core/v1:Secret", "s", {
            metadata: { annotations: { "acgs2.io/data-domains": "{\"eu\":\"gdpr\"}" } } })])),
        ["kubernetes:core/v1:Secret s: it names data domains but no region (annotation acgs2.io/region)."]);
    });
    it("fails a role policy naming another region's database, key or bucket", () => {
        const r = role("eu:gdpr");
        assert.deepEqual(messages(checkStack(serviceWiringInRegion, [...euBase, r, policy([
            { Effect: "Allow", Action: ["rds-db:connect"], Resource: [`arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:cluster-B/svc_a`] },
            { Effect: "Allow", Action: ["s3:GetObject"], Resource: [`arn:aws:s3:::acgs2-eu-us-east-1-${ACCOUNT}/*`, "arn:aws:s3:::someone-elses/*"] },
        ], r)])), [
            `RolePolicy svc-policy of a eu-west-1 service names arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:cluster-B/svc_a, in us-east-1: grant only the region's own data.`,
            `RolePolicy svc-policy of a eu-west-1 service names arn:aws:s3:::acgs2-eu-us-east-1-${ACCOUNT}/*, in us-east-1: grant only the region's own data.`,
            "RolePolicy svc-policy of a eu-west-1 service names arn:aws:s3:::someone-elses/*, whose region cannot be proven: grant only the region's own data.",
        ]);
    });
    it("fails egress to a database or cache outside the region's VPC, and registry entries of another region", () => {
        assert.deepEqual(messages(checkStack(serviceWiringInRegion, [...euBase, egress("10.10.128.0/18")])), [
            "NetworkPolicy svc-egress of eu-west-1 opens 5432 to 10.10.128.0/18, outside the region's VPC (10.20.0.0/16): a store of another region.",
        ]);
        assert.deepEqual(checkStack(serviceWiringInRegion, [...euBase, egress("0.0.0.0/0", 443)]), [], "443 is S3's, not a store port");
        const entry = mk(T.serviceEntry, "s3", { metadata: { annotations: { "acgs2.io/data-domains": "{\"eu\":\"gdpr\"}", "acgs2.io/region": "eu-west-1" } },
            spec: { hosts: ["acgs2-eu-us-east-1-1.s3.us-east-1.amazonaws.com"], addresses: ["10.10.0.0/16"] } });
        assert.equal(messages(checkStack(serviceWiringInRegion, [...euBase, entry])).length, 2);
    });
    it("is not applicable without wiring, and skips what a preview does not know", () => {
        assert.throws(() => checkStack(serviceWiringInRegion, euBase));
        assert.deepEqual(checkStack(serviceWiringInRegion, [...euBase, role("eu:gdpr"), mk(T.rolePolicy, "p", { role: "svc-role", policy: U })]), []);
    });
    it("reads CIDR containment right", () => {
        assert.ok(within("10.20.128.0/18", ["10.20.0.0/16"]));
        assert.ok(!within("10.20.0.0/15", ["10.20.0.0/16"]));
        assert.ok(!within("10.10.128.0/18", ["10.20.0.0/16", "172.16.0.0/12"]));
    });
});

describe("no-wildcard-data-resources", () => {
    const doc = (statements: any[]) => mk(T.rolePolicy, "p", { policy: JSON.stringify({ Statement: statements }) });
    it("passes named data resources and non-data wildcards", () => assert.deepEqual(checkStack(noWildcardDataResources, [doc([
        { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::acgs2-x-eu-west-1-1/*"] },
        { Effect: "Allow", Action: ["ec2:DescribeSubnets", "s3:GetBucketLocation", "s3:ListAllMyBuckets"], Resource: "*" },
        { Effect: "Deny", Action: ["s3:*"], Resource: "*" },
    ])]), []));
    it("fails a data action on every resource, a bucket pattern, a key pattern or NotResource", () => {
        assert.deepEqual(messages(checkStack(noWildcardDataResources, [doc([
            { Sid: "A", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::*/*"] },
            { Sid: "B", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
            { Sid: "C", Effect: "Allow", Action: ["rds-db:connect"], Resource: ["arn:aws:rds-db:eu-west-1:1:dbuser:*/svc"] },
            { Sid: "D", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], NotResource: ["arn:aws:secretsmanager:eu-west-1:1:secret:x"] },
            { Sid: "E", Effect: "Allow", Action: ["*"], Resource: ["*"] },
        ])])), [
            "p statement A grants s3:GetObject on buckets matching *: name the data's resources.",
            "p statement B grants kms:Decrypt on every resource: name the data's resources.",
            "p statement C grants rds-db:connect on a pattern (arn:aws:rds-db:eu-west-1:1:dbuser:*/svc): name the data's resources.",
            "p statement D grants secretsmanager:GetSecretValue with NotResource: name the resources.",
            "p statement E grants * on every resource: name the data's resources.",
        ]);
        const inline = mk(T.role, "r", { inlinePolicies: [{ name: "x", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }] }) }] });
        assert.equal(messages(checkStack(noWildcardDataResources, [inline])).length, 1);
    });
    it("names the wildcard", () => {
        assert.equal(wildcardProblem("arn:aws:s3:::acgs2-a-eu-west-1-1"), undefined);
        assert.equal(wildcardProblem("arn:aws:s3:::acgs2-*"), "buckets matching acgs2-*");
        assert.equal(wildcardProblem("arn:aws:kms:eu-west-1:1:key/abc"), undefined);
    });
});

describe("kafka-user-acls-in-region", () => {
    const user = (region: string, topics: Record<string, string>, acls: any[], name = "svc-a") => mk(T.kafkaUser, name, {
        metadata: { name, labels: { "strimzi.io/cluster": `acgs2-${region}` },
            annotations: { "acgs2.io/region": region, "acgs2.io/topics": JSON.stringify(topics) } },
        spec: { authorization: { type: "simple", acls } },
    });
    const acl = (name: string, patternType = "literal") => ({ resource: { type: "topic", name, patternType }, operations: ["Read"] });
    const topic = (name: string, zone: string, region: string) => mk(T.kafkaTopic, name, {
        metadata: { name, labels: { "strimzi.io/cluster": `acgs2-${region}`, "acgs2.io/data-zone": zone }, annotations: { "acgs2.io/region": region } } });
    it("passes a user whose topics' zones allow its region, and a mirror's own prefixes", () => {
        assert.deepEqual(checkStack(kafkaUserAclsInRegion, [topic("audit", "gdpr", "eu-west-1"),
            user("eu-west-1", { audit: "gdpr" }, [acl("audit"), { resource: { type: "group", name: "svc-a" }, operations: ["Read"] }]),
            user("eu-west-1", { audit: "gdpr" }, [acl("eu-central-1.", "prefix"), acl("mm2-", "prefix"), acl("heartbeats")], "mm2-in")]), []);
    });
    it("fails a topic of a zone that does not allow the region, an undeclared or wildcard topic, a lying annotation", () => {
        assert.deepEqual(messages(checkStack(kafkaUserAclsInRegion, [topic("audit", "gdpr", "eu-west-1"),
            user("us-east-1", { audit: "gdpr" }, [acl("audit")]),
            user("eu-west-1", { audit: "us" }, [acl("audit"), acl("other"), acl("*"), acl("acgs.", "prefix")], "svc-b"),
            user("eu-west-1", { audit: "gdpr" }, [acl("us-east-1.", "prefix")], "mm2-wrong")])), [
            "KafkaUser svc-a in us-east-1 declares topic audit of zone gdpr, which does not allow us-east-1.",
            "KafkaUser svc-b in eu-west-1 declares topic audit of zone us, which does not allow eu-west-1.",
            "KafkaUser svc-b declares topic audit as zone us, but the KafkaTopic says gdpr.",
            "KafkaUser svc-b has an ACL on topic other, which it does not declare in acgs2.io/topics.",
            "KafkaUser svc-b has an ACL on every topic (*): name its topics.",
            "KafkaUser svc-b has a prefix ACL on topics acgs.*: name its topics.",
            "KafkaUser mm2-wrong takes copies from us-east-1 (us-east-1.*) of topic audit, whose zone gdpr does not allow us-east-1.",
        ]);
        const bare = mk(T.kafkaUser, "bare", { metadata: { name: "bare", annotations: {} }, spec: { authorization: { acls: [acl("audit")] } } });
        assert.deepEqual(messages(checkStack(kafkaUserAclsInRegion, [bare])),
            ["KafkaUser bare has topic ACLs but no region (annotation acgs2.io/region)."]);
    });
});
