// Mutations of a plan snapshot, one (or more) per mandatory policy: each breaks the rule on a
// resource of the policy's target type, so the policy must report a violation. Used against the real
// Java plan (mutation.test.ts, ACGS2_PLAN_JSON) and against the fixture (gate.test.ts).
import { Snapshot, SnapshotResource, SnapshotStack } from "../src/engine";
import { ResidencyConfig } from "../src/util";

export interface Mutation {
    policy: string;
    /** What the mutation does, for the test name. */
    what: string;
    /** The resource types it needs; the mutation is skipped when none is in the snapshot. */
    types: string[];
    /** Extra condition on the target resource (`cfg` = the pack config's zones). */
    where?: (r: SnapshotResource, cfg: ResidencyConfig) => boolean;
    /** Mutates the stack (a deep copy) around the first target resource; `cfg` = the pack config's zones. */
    mutate: (target: SnapshotResource, stack: SnapshotStack, cfg: ResidencyConfig) => void;
}

const WORKLOADS = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];
const DATA_STORES = ["aws:rds/cluster:Cluster", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:s3/bucketV2:BucketV2"];

function podSpec(r: SnapshotResource): any {
    return r.type === "kubernetes:batch/v1:CronJob"
        ? r.inputs.spec?.jobTemplate?.spec?.template?.spec
        : r.inputs.spec?.template?.spec;
}

function hasContainers(r: SnapshotResource): boolean {
    return Array.isArray(podSpec(r)?.containers) && podSpec(r).containers.length > 0;
}

function removeWhere(stack: SnapshotStack, pred: (r: SnapshotResource) => boolean): void {
    stack.resources = stack.resources.filter(r => !pred(r));
}

function regionOf(r: SnapshotResource, stack: SnapshotStack): string | undefined {
    const p = stack.resources.find(x => x.urn === r.provider?.urn);
    return (p?.inputs?.region as string | undefined) ?? r.provider?.region ?? undefined;
}

/** A zone of the pack config that does not contain the region. */
function foreignZone(region: string | undefined, cfg: ResidencyConfig): string {
    return Object.keys(cfg.zones).find(z => !cfg.zones[z].includes(region ?? "")) ?? "nowhere";
}

/** A Kubernetes object of a service's wiring (it names its domains and region). */
function wiringAnnotated(r: SnapshotResource): boolean {
    const a = r.inputs?.metadata?.annotations;
    return a?.["acgs2.io/data-domains"] !== undefined && a?.["acgs2.io/region"] !== undefined;
}

function isManifest(r: SnapshotResource): boolean {
    return r.type === "aws:ssm/parameter:Parameter" && r.inputs?.tags?.["acgs2:manifest"] === "fleet";
}

export const MUTATIONS: Mutation[] = [
    // Data stores
    { policy: "aurora-encrypted-with-cmk", what: "drop the cluster's CMK", types: ["aws:rds/cluster:Cluster"],
        mutate: r => { delete r.inputs.kmsKeyId; } },
    { policy: "aurora-deletion-protection", what: "turn deletion protection off", types: ["aws:rds/cluster:Cluster"],
        mutate: r => { r.inputs.deletionProtection = false; } },
    { policy: "aurora-backup-retention", what: "keep backups 1 day", types: ["aws:rds/cluster:Cluster"],
        mutate: r => { r.inputs.backupRetentionPeriod = 1; } },
    { policy: "aurora-iam-auth-and-log-exports", what: "turn IAM auth off", types: ["aws:rds/cluster:Cluster"],
        mutate: r => { r.inputs.iamDatabaseAuthenticationEnabled = false; } },
    { policy: "rds-instance-private-pi-encrypted", what: "make an instance public", types: ["aws:rds/clusterInstance:ClusterInstance"],
        mutate: r => { r.inputs.publiclyAccessible = true; } },
    { policy: "elasticache-encrypted-auth-failover", what: "turn Multi-AZ off", types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
        mutate: r => { r.inputs.multiAzEnabled = false; } },
    { policy: "s3-bucket-private-encrypted-versioned", what: "delete the public access blocks", types: ["aws:s3/bucketV2:BucketV2"],
        mutate: (_r, s) => removeWhere(s, x => x.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock") },
    { policy: "kms-key-rotation", what: "turn key rotation off", types: ["aws:kms/key:Key"],
        mutate: r => { r.inputs.enableKeyRotation = false; } },
    { policy: "datastores-protected", what: "drop protect and retainOnDelete", types: [...DATA_STORES, "aws:rds/globalCluster:GlobalCluster"],
        mutate: r => { r.protect = false; r.retainOnDelete = false; } },
    // Compute
    { policy: "eks-endpoint-not-public", what: "open the API endpoint to 0.0.0.0/0", types: ["aws:eks/cluster:Cluster"],
        mutate: r => { r.inputs.vpcConfig = { ...(r.inputs.vpcConfig ?? {}), endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }; } },
    { policy: "eks-secrets-encrypted", what: "drop secrets encryption", types: ["aws:eks/cluster:Cluster"],
        mutate: r => { delete r.inputs.encryptionConfig; } },
    { policy: "eks-control-plane-logging", what: "log only api", types: ["aws:eks/cluster:Cluster"],
        mutate: r => { r.inputs.enabledClusterLogTypes = ["api"]; } },
    { policy: "nodes-imdsv2-encrypted-volumes", what: "allow IMDSv1", types: ["aws:ec2/launchTemplate:LaunchTemplate"],
        mutate: r => { r.inputs.metadataOptions = { ...(r.inputs.metadataOptions ?? {}), httpTokens: "optional" }; } },
    { policy: "eks-nodes-private-no-ssh", what: "open SSH on a node group", types: ["aws:eks/nodeGroup:NodeGroup"],
        mutate: r => { r.inputs.remoteAccess = { ec2SshKey: "ops" }; } },
    // Network
    { policy: "security-group-no-open-ingress", what: "add ingress 0.0.0.0/0:22",
        types: ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
        mutate: r => {
            const ssh = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] };
            if (r.type === "aws:ec2/securityGroup:SecurityGroup") {
                r.inputs.ingress = [...(r.inputs.ingress ?? []), ssh];
            } else if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
                Object.assign(r.inputs, ssh, { type: "ingress" });
            } else {
                Object.assign(r.inputs, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" });
            }
        } },
    { policy: "vpc-flow-logs-enabled", what: "delete the flow logs", types: ["aws:ec2/vpc:Vpc"],
        mutate: (_r, s) => removeWhere(s, x => x.type === "aws:ec2/flowLog:FlowLog") },
    { policy: "default-security-group-closed", what: "allow all ingress on the default group", types: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
        mutate: r => { r.inputs.ingress = [{ protocol: "-1", self: true, fromPort: 0, toPort: 0 }]; } },
    { policy: "tgw-no-auto-accept", what: "set autoAcceptSharedAttachments enable", types: ["aws:ec2transitgateway/transitGateway:TransitGateway"],
        mutate: r => { r.inputs.autoAcceptSharedAttachments = "enable"; } },
    { policy: "log-group-encrypted-retained", what: "drop retentionInDays", types: ["aws:cloudwatch/logGroup:LogGroup"],
        mutate: r => { delete r.inputs.retentionInDays; } },
    { policy: "log-group-encrypted-retained", what: "drop kmsKeyId", types: ["aws:cloudwatch/logGroup:LogGroup"],
        mutate: r => { delete r.inputs.kmsKeyId; } },
    // Kubernetes
    { policy: "mesh-strict-mtls", what: "make the mesh PERMISSIVE", types: ["kubernetes:security.istio.io/v1:PeerAuthentication"],
        mutate: r => { r.inputs.spec = { ...(r.inputs.spec ?? {}), mtls: { mode: "PERMISSIVE" } }; } },
    { policy: "locality-failover-needs-outlier-detection", what: "failover without outlier detection",
        types: ["kubernetes:networking.istio.io/v1:DestinationRule"],
        mutate: r => { r.inputs.spec = { ...(r.inputs.spec ?? {}), trafficPolicy: { loadBalancer: { localityLbSetting: { enabled: true } } }, subsets: [] }; } },
    { policy: "failover-bound-within-target", what: "slow the per-try timeout past the target",
        types: ["kubernetes:networking.istio.io/v1:VirtualService"],
        mutate: r => { for (const h of r.inputs.spec?.http ?? []) { h.retries = { ...(h.retries ?? {}), perTryTimeout: "60s" }; } } },
    { policy: "failover-bound-within-target", what: "leave Istio's 10% ejection limit", types: ["kubernetes:networking.istio.io/v1:DestinationRule"],
        mutate: r => { delete r.inputs.spec?.trafficPolicy?.outlierDetection?.maxEjectionPercent; } },
    { policy: "kafka-tls-only", what: "make a listener plaintext", types: ["kubernetes:kafka.strimzi.io/v1:Kafka"],
        mutate: r => { r.inputs.spec.kafka.listeners[0].tls = false; } },
    { policy: "kafka-topic-replication", what: "drop a topic to one replica", types: ["kubernetes:kafka.strimzi.io/v1:KafkaTopic"],
        mutate: r => { r.inputs.spec.replicas = 1; } },
    { policy: "pod-security-restricted", what: "make a container privileged", types: WORKLOADS, where: hasContainers,
        mutate: r => { const c = podSpec(r).containers[0]; c.securityContext = { ...(c.securityContext ?? {}), privileged: true }; } },
    { policy: "container-resources-set", what: "drop a container's resources", types: WORKLOADS, where: hasContainers,
        mutate: r => { delete podSpec(r).containers[0].resources; } },
    { policy: "images-pinned", what: "use a latest image", types: WORKLOADS, where: hasContainers,
        mutate: r => { podSpec(r).containers[0].image = "nginx:latest"; } },
    { policy: "namespace-default-deny", what: "delete the network policies", types: ["kubernetes:core/v1:Namespace"],
        mutate: (_r, s) => removeWhere(s, x => x.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy") },
    // Residency
    { policy: "data-residency-in-zone", what: "tag a data store with a zone foreign to its region", types: DATA_STORES,
        mutate: (r, s, cfg) => { r.inputs.tags = { ...(r.inputs.tags ?? {}), "acgs2:data-zone": foreignZone(regionOf(r, s), cfg) }; } },
    { policy: "data-residency-in-zone", what: "drop a data store's zone tag", types: DATA_STORES,
        mutate: r => { if (r.inputs.tags) { delete r.inputs.tags["acgs2:data-zone"]; } } },
    { policy: "replication-stays-in-zone", what: "mirror a restricted zone's topic to a region outside it",
        types: ["kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2"],
        mutate: (r, s, cfg) => {
            // declare a restricted topic (e.g. a GDPR audit topic) on this edge, pattern and all
            const zone = cfg.restrictedZones[0];
            const ann = r.inputs.metadata?.annotations ?? {};
            const regions = JSON.parse(ann["acgs2.io/cluster-regions"] ?? "{}");
            const outside = Object.values(regions).some((g: any) => !cfg.zones[zone].includes(g));
            if (!outside) {
                const foreign = Object.entries(cfg.zones).find(([z]) => z !== zone)![1][0];
                for (const k of Object.keys(regions)) { regions[k] = foreign; }
                ann["acgs2.io/cluster-regions"] = JSON.stringify(regions);
            }
            ann["acgs2.io/mirrored-topics"] = JSON.stringify({ "acgs.audit.events": zone });
            for (const m of r.inputs.spec?.mirrors ?? []) { m.topicsPattern = "acgs\\.audit\\.events"; }
            r.inputs.metadata = { ...(r.inputs.metadata ?? {}), annotations: ann };
            void s;
        } },
    { policy: "replication-stays-in-zone", what: "widen a mirror's topicsPattern to .*", types: ["kubernetes:kafka.strimzi.io/v1:KafkaMirrorMaker2"],
        mutate: r => { for (const m of r.inputs.spec?.mirrors ?? []) { m.topicsPattern = ".*"; } } },
    { policy: "replication-stays-in-zone", what: "put an Aurora global cluster member in a foreign zone", types: ["aws:rds/cluster:Cluster"],
        where: r => r.inputs.globalClusterIdentifier !== undefined,
        mutate: (r, s, cfg) => { r.inputs.tags = { ...(r.inputs.tags ?? {}), "acgs2:data-zone": foreignZone(regionOf(r, s), cfg) }; } },
    { policy: "replication-stays-in-zone", what: "replicate a bucket to an unprovable destination from a restricted zone",
        types: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
        mutate: (r, s, cfg) => {
            for (const b of s.resources.filter(x => x.type === "aws:s3/bucketV2:BucketV2")) {
                b.inputs.tags = { ...(b.inputs.tags ?? {}), "acgs2:data-zone": cfg.restrictedZones[0] };
            }
            r.inputs.rules = [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::acgs2-not-in-this-stack" } }];
            r.dependencies = [];
        } },
    { policy: "replication-stays-in-zone", what: "replicate a restricted bucket to a named bucket in another zone's region",
        types: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
        mutate: (r, s, cfg) => {
            const zone = cfg.restrictedZones[0];
            for (const b of s.resources.filter(x => x.type === "aws:s3/bucketV2:BucketV2")) {
                b.inputs.tags = { ...(b.inputs.tags ?? {}), "acgs2:data-zone": zone };
            }
            const outside = Object.entries(cfg.zones).find(([z]) => z !== zone)![1][0];
            r.inputs.rules = [{ status: "Enabled", destination: { bucket: `arn:aws:s3:::acgs2-x-${outside}-123456789012` } }];
        } },
    { policy: "bucket-name-states-region", what: "name a bucket for a region it is not in", types: ["aws:s3/bucketV2:BucketV2"],
        where: r => /^acgs2-.*-\d{12}$/.test(String(r.inputs.bucket)),
        mutate: (r, s, cfg) => {
            const here = regionOf(r, s);
            const other = Object.values(cfg.zones).flat().find(x => x !== here)!;
            r.inputs.bucket = `acgs2-moved-${other}-123456789012`;
        } },
    { policy: "s3-bucket-private-encrypted-versioned", what: "delete the server access logging", types: ["aws:s3/bucketV2:BucketV2"],
        mutate: (_r, s) => removeWhere(s, x => x.type === "aws:s3/bucketLoggingV2:BucketLoggingV2") },
    // Traffic
    { policy: "public-endpoint-waf-and-tls", what: "drop the web ACL from the public Ingress", types: ["kubernetes:networking.k8s.io/v1:Ingress"],
        where: r => r.inputs.metadata?.annotations?.["alb.ingress.kubernetes.io/scheme"] === "internet-facing",
        mutate: r => { delete r.inputs.metadata.annotations["alb.ingress.kubernetes.io/wafv2-acl-arn"]; } },
    { policy: "public-endpoint-waf-and-tls", what: "serve the public Ingress under a TLS 1.0 policy", types: ["kubernetes:networking.k8s.io/v1:Ingress"],
        where: r => r.inputs.metadata?.annotations?.["alb.ingress.kubernetes.io/scheme"] === "internet-facing",
        mutate: r => { r.inputs.metadata.annotations["alb.ingress.kubernetes.io/ssl-policy"] = "ELBSecurityPolicy-2016-08"; } },
    { policy: "public-endpoint-waf-and-tls", what: "make the east-west gateway's NLB internet-facing", types: ["kubernetes:helm.sh/v3:Release"],
        where: r => r.name === "acgs2-istio-eastwest-gateway",
        mutate: (r, s) => {
            s.resources.push({ ...JSON.parse(JSON.stringify(r)), urn: r.urn + "-public", name: "public-svc",
                type: "kubernetes:core/v1:Service", inputs: { metadata: { name: "public", annotations: {
                    "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" } }, spec: { type: "LoadBalancer" } } });
        } },
    { policy: "latency-record-has-health-check", what: "drop a latency record's health check", types: ["aws:route53/record:Record"],
        where: r => Array.isArray(r.inputs.latencyRoutingPolicies) && r.inputs.latencyRoutingPolicies.length > 0,
        mutate: r => { delete r.inputs.healthCheckId; } },
    { policy: "dns-record-stays-in-zone", what: "route a restricted zone's hostname to a region outside it", types: ["aws:route53/record:Record"],
        // the latency record a region of a restricted zone writes for its zone's hostname (eu-west-1's, for GDPR)
        where: (r, cfg) => (r.inputs.latencyRoutingPolicies ?? []).some((l: any) => cfg.restrictedZones.some(z => cfg.zones[z].includes(l.region))),
        mutate: (r, _s, cfg) => {
            const zone = cfg.restrictedZones.find(z => r.inputs.latencyRoutingPolicies.some((l: any) => cfg.zones[z].includes(l.region)))!;
            const outside = Object.entries(cfg.zones).find(([z, regions]) => z !== zone && regions.length > 0)![1][0];
            r.inputs.latencyRoutingPolicies = [{ region: outside }];
        } },
    // Wiring
    { policy: "service-wiring-in-region", what: "wire a service's endpoints to a domain of a zone that does not allow its region",
        types: ["kubernetes:core/v1:ConfigMap"], where: r => wiringAnnotated(r),
        mutate: (r, _s, cfg) => {
            const a = r.inputs.metadata.annotations;
            a["acgs2.io/data-domains"] = JSON.stringify({ ...JSON.parse(a["acgs2.io/data-domains"]), "other-tenants": foreignZone(a["acgs2.io/region"], cfg) });
        } },
    { policy: "service-wiring-in-region", what: "grant a service the database user of another region's cluster", types: ["aws:iam/rolePolicy:RolePolicy"],
        where: r => String(r.inputs.policy).includes("rds-db:connect"),
        mutate: r => { r.inputs.policy = String(r.inputs.policy).replace(/:rds-db:([a-z0-9-]+):/, ":rds-db:ap-south-1:"); } },
    { policy: "service-wiring-in-region", what: "open a service's database port to another region's VPC", types: ["kubernetes:networking.k8s.io/v1:NetworkPolicy"],
        where: r => wiringAnnotated(r) && (r.inputs.spec?.egress ?? []).some((e: any) => (e.ports ?? []).some((p: any) => p.port === 5432)),
        mutate: r => {
            const rule = r.inputs.spec.egress.find((e: any) => (e.ports ?? []).some((p: any) => p.port === 5432));
            rule.to = [{ ipBlock: { cidr: "10.250.128.0/18" } }];
        } },
    { policy: "no-wildcard-data-resources", what: "grant a service's objects in every bucket", types: ["aws:iam/rolePolicy:RolePolicy"],
        where: r => String(r.inputs.policy).includes("s3:GetObject"),
        mutate: r => { r.inputs.policy = String(r.inputs.policy).replace(/arn:aws:s3:::[a-z0-9.-]+\/\*/, "arn:aws:s3:::*/*"); } },
    { policy: "no-wildcard-data-resources", what: "let a role decrypt with any key", types: ["aws:iam/rolePolicy:RolePolicy"],
        where: r => String(r.inputs.policy).includes("kms:Decrypt"),
        mutate: r => {
            const doc = JSON.parse(r.inputs.policy);
            doc.Statement.filter((s: any) => ([] as string[]).concat(s.Action).includes("kms:Decrypt")).forEach((s: any) => { s.Resource = "*"; });
            r.inputs.policy = JSON.stringify(doc);
        } },
    { policy: "kafka-user-acls-in-region", what: "give a service's user a topic of a zone that does not allow its region",
        types: ["kubernetes:kafka.strimzi.io/v1:KafkaUser"], where: r => r.inputs.metadata?.labels?.["acgs2.io/service"] !== undefined,
        mutate: (r, _s, cfg) => {
            const a = r.inputs.metadata.annotations;
            a["acgs2.io/topics"] = JSON.stringify({ ...JSON.parse(a["acgs2.io/topics"]), "other.audit": foreignZone(a["acgs2.io/region"], cfg) });
            r.inputs.spec.authorization.acls.push({ resource: { type: "topic", name: "other.audit", patternType: "literal" }, operations: ["Read"] });
        } },
    { policy: "kafka-user-acls-in-region", what: "give a user every topic", types: ["kubernetes:kafka.strimzi.io/v1:KafkaUser"],
        where: r => r.inputs.metadata?.labels?.["acgs2.io/service"] !== undefined,
        mutate: r => { r.inputs.spec.authorization.acls.push({ resource: { type: "topic", name: "*", patternType: "literal" }, operations: ["Read"] }); } },
    { policy: "kafka-user-acls-in-region", what: "give a mirror's user a topic it does not declare", types: ["kubernetes:kafka.strimzi.io/v1:KafkaUser"],
        where: r => String(r.inputs.metadata?.name ?? "").startsWith("mm2-"),
        mutate: r => { r.inputs.spec.authorization.acls.push({ resource: { type: "topic", name: "acgs.undeclared", patternType: "literal" }, operations: ["Read"] }); } },
    // Operations
    { policy: "data-store-has-backup-plan", what: "take a domain bucket out of its backup selection", types: ["aws:backup/selection:Selection"],
        where: r => (r.inputs.resources ?? []).some((a: string) => a.startsWith("arn:aws:s3:::")),
        mutate: r => { r.inputs.resources = r.inputs.resources.filter((a: string) => !a.startsWith("arn:aws:s3:::")); } },
    { policy: "backup-copy-stays-in-zone", what: "copy a restricted domain's backups out of its zone", types: ["aws:backup/plan:Plan"],
        where: (r, cfg) => cfg.restrictedZones.includes(r.inputs.tags?.["acgs2:data-zone"]),
        mutate: (r, _s, cfg) => {
            const zone = r.inputs.tags["acgs2:data-zone"];
            const outside = Object.entries(cfg.zones).find(([z, regions]) => z !== zone && !cfg.zones[zone].includes(regions[0]))![1][0];
            r.inputs.rules[0].copyActions = [{ destinationVaultArn: `arn:aws:backup:${outside}:123456789012:backup-vault:acgs2-${outside}`,
                lifecycle: { deleteAfter: 30 } }];
        } },
    { policy: "alarm-topic-subscribed-in-production", what: "mark a stack production with nobody subscribed", types: ["aws:sns/topic:Topic"],
        where: r => r.inputs.tags?.["acgs2:paging"] !== undefined,
        mutate: r => { r.inputs.tags["acgs2:paging"] = "production"; } },
    { policy: "fleet-residency-declared", what: "drop a tenant's home region from the fleet", types: ["aws:ssm/parameter:Parameter"], where: isManifest,
        mutate: r => {
            const m = JSON.parse(r.inputs.value);
            const tenants = Object.keys(m.tenants ?? {});
            if (tenants.length > 0) {
                m.tenants[tenants[0]].homeRegion = "xx-nowhere-1";
            } else {
                m.fleet[0].zone = "nowhere";
            }
            r.inputs.value = JSON.stringify(m);
        } },
    { policy: "fleet-residency-declared", what: "delete the fleet manifest", types: ["aws:ssm/parameter:Parameter"], where: isManifest,
        mutate: (_r, s) => removeWhere(s, isManifest) },
];

/** A deep copy of the snapshot with the mutation applied to the first target, or undefined if none. */
export function applyMutation(snapshot: Snapshot, m: Mutation, cfg: ResidencyConfig): { snapshot: Snapshot; target: SnapshotResource } | undefined {
    const copy: Snapshot = JSON.parse(JSON.stringify(snapshot));
    for (const stack of copy.stacks) {
        const target = stack.resources.find(r => m.types.includes(r.type) && (m.where ? m.where(r, cfg) : true));
        if (target) {
            m.mutate(target, stack, cfg);
            return { snapshot: copy, target };
        }
    }
    return undefined;
}
