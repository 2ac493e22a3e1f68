// Data-store rules of the baseline (policies/README.md, "Data stores").
import { Policies } from "@pulumi/policy";

import {
    asArray, dependsOn, get, isSetOrUnknown, isTrue, isUnknown, ofType, resourcePolicy,
    StackRes, stackPolicy,
} from "./util";

export const T = {
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsGlobalCluster: "aws:rds/globalCluster:GlobalCluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    cacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheGlobalReplicationGroup: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
    bucket: "aws:s3/bucketV2:BucketV2",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketSse: [
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    ],
    bucketLogging: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    bucketVersioning: [
        "aws:s3/bucketVersioningV2:BucketVersioningV2",
        "aws:s3/bucketVersioning:BucketVersioning",
    ],
    kmsKey: "aws:kms/key:Key",
} as const;

/** The stateful resources that must be protected and must declare a data zone. */
export const DATA_STORE_TYPES: readonly string[] = [
    T.rdsCluster, T.rdsGlobalCluster, T.cacheReplicationGroup, T.bucket,
];

const AWS_MANAGED_RDS_KEY = /alias\/aws\/rds$/;

export const auroraEncryptedWithCmk = resourcePolicy({
    name: "aurora-encrypted-with-cmk",
    description: "Aurora storage is encrypted with a customer-managed KMS key " +
        "(Checkov CKV_AWS_96, CKV_AWS_327, CKV_AWS_140; Trivy AWS-0079).",
    types: [T.rdsCluster, T.rdsGlobalCluster],
    check: (p, args, report) => {
        if (args.type === T.rdsGlobalCluster) {
            // A global cluster built from an existing cluster inherits that cluster's encryption.
            if (!isTrue(p.storageEncrypted) && !isUnknown(p.storageEncrypted) && !isSetOrUnknown(p.sourceDbClusterIdentifier)) {
                report("Global cluster storage is not encrypted: set storageEncrypted: true.");
            }
            return;
        }
        // A member of a global cluster inherits storageEncrypted; it still needs its own regional CMK.
        const globalMember = isSetOrUnknown(p.globalClusterIdentifier);
        if (!globalMember && !isTrue(p.storageEncrypted) && !isUnknown(p.storageEncrypted)) {
            report("Aurora cluster storage is not encrypted: set storageEncrypted: true.");
        }
        if (!isSetOrUnknown(p.kmsKeyId)) {
            report("Aurora cluster has no customer-managed KMS key: set kmsKeyId to a CMK ARN.");
        } else if (typeof p.kmsKeyId === "string" && AWS_MANAGED_RDS_KEY.test(p.kmsKeyId)) {
            report("Aurora cluster uses the AWS-managed key alias/aws/rds: set kmsKeyId to a customer-managed CMK ARN.");
        }
    },
});

export const auroraDeletionProtection = resourcePolicy({
    name: "aurora-deletion-protection",
    description: "Aurora clusters have deletion protection and keep a final snapshot (Checkov CKV_AWS_139; Trivy AWS-0343).",
    types: [T.rdsCluster],
    check: (p, _args, report) => {
        if (!isTrue(p.deletionProtection) && !isUnknown(p.deletionProtection)) {
            report("Aurora cluster has no deletion protection: set deletionProtection: true.");
        }
        if (isTrue(p.skipFinalSnapshot)) {
            report("Aurora cluster skips its final snapshot: set skipFinalSnapshot: false and a finalSnapshotIdentifier.");
        }
    },
});

export const MIN_BACKUP_RETENTION_DAYS = 7;

export const auroraBackupRetention = resourcePolicy({
    name: "aurora-backup-retention",
    description: `Aurora backups are kept at least ${MIN_BACKUP_RETENTION_DAYS} days (Checkov CKV_AWS_133; Trivy AWS-0077).`,
    types: [T.rdsCluster],
    check: (p, _args, report) => {
        const days = p.backupRetentionPeriod;
        if (isUnknown(days)) {
            return;
        }
        if (typeof days !== "number" || days < MIN_BACKUP_RETENTION_DAYS) {
            report(`Aurora cluster keeps backups ${days === undefined ? "1 day (the default)" : `${days} day(s)`}: ` +
                `set backupRetentionPeriod to at least ${MIN_BACKUP_RETENTION_DAYS}.`);
        }
    },
});

/** The log types each engine must export. */
export function requiredLogExports(engine: unknown): string[] {
    if (typeof engine === "string" && engine.includes("postgres")) {
        return ["postgresql"];
    }
    return ["audit", "error"];
}

export const auroraIamAuthAndLogs = resourcePolicy({
    name: "aurora-iam-auth-and-log-exports",
    description: "Aurora clusters use IAM database authentication and export their logs to CloudWatch " +
        "(Checkov CKV_AWS_162, CKV_AWS_324).",
    types: [T.rdsCluster],
    check: (p, _args, report) => {
        if (!isTrue(p.iamDatabaseAuthenticationEnabled) && !isUnknown(p.iamDatabaseAuthenticationEnabled)) {
            report("Aurora cluster has IAM database authentication off: set iamDatabaseAuthenticationEnabled: true.");
        }
        const exports = p.enabledCloudwatchLogsExports;
        if (isUnknown(exports) || isUnknown(p.engine)) {
            return;
        }
        const have = asArray(exports);
        const missing = requiredLogExports(p.engine).filter(l => !have.includes(l));
        if (missing.length > 0) {
            report(`Aurora cluster does not export logs ${missing.join(", ")}: add them to enabledCloudwatchLogsExports.`);
        }
    },
});

export const rdsInstancePrivate = resourcePolicy({
    name: "rds-instance-private-pi-encrypted",
    description: "Aurora instances are not publicly accessible and encrypt Performance Insights with a KMS key " +
        "(Checkov CKV_AWS_17, CKV_AWS_354; Trivy AWS-0180).",
    types: [T.rdsClusterInstance],
    check: (p, _args, report) => {
        if (isTrue(p.publiclyAccessible)) {
            report("Aurora instance is publicly accessible: set publiclyAccessible: false.");
        }
        if (isTrue(p.performanceInsightsEnabled) && !isSetOrUnknown(p.performanceInsightsKmsKeyId)) {
            report("Performance Insights is on without a customer KMS key: set performanceInsightsKmsKeyId.");
        }
    },
});

export const elasticacheSecured = resourcePolicy({
    name: "elasticache-encrypted-auth-failover",
    description: "Cache replication groups are encrypted at rest with a KMS key and in transit, require auth, and fail over " +
        "across AZs (Checkov CKV_AWS_29, CKV_AWS_30, CKV_AWS_31, CKV_AWS_191, CKV2_AWS_50; Trivy AWS-0045, AWS-0051).",
    types: [T.cacheReplicationGroup],
    check: (p, _args, report) => {
        // Secondary members of a global datastore inherit encryption and auth from the primary group.
        const secondary = isSetOrUnknown(p.globalReplicationGroupId);
        if (!secondary) {
            if (!isTrue(p.atRestEncryptionEnabled) && !isUnknown(p.atRestEncryptionEnabled)) {
                report("Cache is not encrypted at rest: set atRestEncryptionEnabled: true.");
            }
            if (!isTrue(p.transitEncryptionEnabled) && !isUnknown(p.transitEncryptionEnabled)) {
                report("Cache is not encrypted in transit: set transitEncryptionEnabled: true.");
            }
            const groups = p.userGroupIds;
            if (!isSetOrUnknown(p.authToken) && !isUnknown(groups) && asArray(groups).length === 0) {
                report("Cache requires no authentication: set authToken or userGroupIds.");
            }
        }
        if (!isSetOrUnknown(p.kmsKeyId)) {
            report("Cache has no customer-managed KMS key: set kmsKeyId.");
        }
        if (!isTrue(p.automaticFailoverEnabled) && !isUnknown(p.automaticFailoverEnabled)) {
            report("Cache has no automatic failover: set automaticFailoverEnabled: true.");
        }
        if (!isTrue(p.multiAzEnabled) && !isUnknown(p.multiAzEnabled)) {
            report("Cache is not Multi-AZ: set multiAzEnabled: true.");
        }
    },
});

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/** True when sibling resource `s` configures bucket `b` (same bucket name, or a dependency on it). */
function configures(s: StackRes, b: StackRes): boolean {
    const name = s.props.bucket;
    if (typeof name === "string" && !isUnknown(name) && name === b.props.bucket) {
        return true;
    }
    return dependsOn(s, b);
}

/** True when logging resource `l` sends its logs to bucket `b`. */
function logsTo(l: StackRes, b: StackRes): boolean {
    const target = l.props.targetBucket;
    if (typeof target === "string" && !isUnknown(target)) {
        return target === b.props.bucket;
    }
    // unknown target name: a logging resource that depends on `b` without configuring `b` itself
    const source = l.props.bucket;
    return dependsOn(l, b) && !(typeof source === "string" && !isUnknown(source) && source === b.props.bucket);
}

export const s3BucketSecured = stackPolicy({
    name: "s3-bucket-private-encrypted-versioned",
    description: "Every bucket has a public access block with all four flags, default SSE with aws:kms, versioning " +
        "enabled, and server access logging; a server access log destination may use SSE-S3 (AES256) instead, the only " +
        "default encryption AWS documents for log delivery (Checkov CKV_AWS_18, CKV_AWS_19, CKV_AWS_21, CKV_AWS_53-56, " +
        "CKV_AWS_145; Trivy AWS-0086..AWS-0094).",
    check: (resources, args, report) => {
        const buckets = ofType(resources, T.bucket);
        if (buckets.length === 0) {
            args.notApplicable("No aws:s3/bucketV2:BucketV2 in the stack");
        }
        const pabs = ofType(resources, T.bucketPublicAccessBlock);
        const sses = ofType(resources, ...T.bucketSse);
        const vers = ofType(resources, ...T.bucketVersioning);
        const logs = ofType(resources, T.bucketLogging);
        for (const b of buckets) {
            const logTarget = logs.some(l => logsTo(l, b));
            const pab = pabs.filter(s => configures(s, b));
            if (pab.length === 0) {
                report(`Bucket ${b.name} has no aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock.`, b.urn);
            } else {
                const off = PUBLIC_ACCESS_FLAGS.filter(f => !pab.some(s => isTrue(s.props[f]) || isUnknown(s.props[f])));
                if (off.length > 0) {
                    report(`Bucket ${b.name} public access block leaves ${off.join(", ")} off: set all four to true.`, b.urn);
                }
            }
            const sse = sses.filter(s => configures(s, b));
            const kms = sse.some(s => asArray(s.props.rules).some(r => {
                const alg = get(r, "applyServerSideEncryptionByDefault.sseAlgorithm");
                return isUnknown(alg) || alg === "aws:kms" || alg === "aws:kms:dsse" || (logTarget && alg === "AES256");
            }) || isUnknown(s.props.rules));
            if (!kms) {
                report(`Bucket ${b.name} has no default encryption with aws:kms: add a server-side encryption ` +
                    "configuration with sseAlgorithm aws:kms and a kmsMasterKeyId" +
                    (logTarget ? " (or AES256, as it is a server access log destination)." : "."), b.urn);
            }
            const ver = vers.filter(s => configures(s, b));
            const enabled = ver.some(s => {
                const st = get(s.props, "versioningConfiguration.status");
                return st === "Enabled" || isUnknown(st);
            });
            if (!enabled) {
                report(`Bucket ${b.name} is not versioned: add a bucket versioning resource with status Enabled.`, b.urn);
            }
            if (!logTarget && !logs.some(l => configures(l, b) && !logsTo(l, b))) {
                report(`Bucket ${b.name} has no server access logging: add an aws:s3/bucketLoggingV2:BucketLoggingV2 ` +
                    "to the region's log bucket.", b.urn);
            }
        }
    },
});

export const kmsKeyRotation = resourcePolicy({
    name: "kms-key-rotation",
    description: "Symmetric KMS keys rotate automatically (Checkov CKV_AWS_7; Trivy AWS-0065).",
    types: [T.kmsKey],
    check: (p, _args, report) => {
        const spec = p.customerMasterKeySpec ?? p.keySpec;
        if (typeof spec === "string" && !isUnknown(spec) && spec !== "SYMMETRIC_DEFAULT") {
            return; // AWS rotates only symmetric encryption keys.
        }
        if (!isTrue(p.enableKeyRotation) && !isUnknown(p.enableKeyRotation)) {
            report("KMS key does not rotate: set enableKeyRotation: true.");
        }
    },
});

export const dataStoresProtected = resourcePolicy({
    name: "datastores-protected",
    description: "Stateful data stores (Aurora clusters and global clusters, cache replication groups, buckets) carry the " +
        "protect or retainOnDelete resource option, so Pulumi never deletes them (acgs2 baseline; no public rule set has it).",
    types: DATA_STORE_TYPES,
    check: (_p, args, report) => {
        const opts = args.opts as typeof args.opts & { retainOnDelete?: boolean };
        if (opts?.protect !== true && opts?.retainOnDelete !== true) {
            report("Data store is not protected: set the protect resource option (or retainOnDelete).");
        }
    },
});

export const dataStorePolicies: Policies = [
    auroraEncryptedWithCmk,
    auroraDeletionProtection,
    auroraBackupRetention,
    auroraIamAuthAndLogs,
    rdsInstancePrivate,
    elasticacheSecured,
    s3BucketSecured,
    kmsKeyRotation,
    dataStoresProtected,
];
