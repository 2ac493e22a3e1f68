import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
    auroraBackupRetention, auroraDeletionProtection, auroraEncryptedWithCmk, auroraIamAuthAndLogs, dataStoresProtected,
    elasticacheSecured, kmsKeyRotation, rdsInstancePrivate, s3BucketSecured, T,
} from "../src/datastores";
import { check, checkStack, messages, mk, NotApplicable, U, withProps } from "./helpers";

export const goodCluster = {
    engine: "aurora-postgresql",
    storageEncrypted: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234",
    deletionProtection: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "db-final",
    backupRetentionPeriod: 7,
    iamDatabaseAuthenticationEnabled: true,
    enabledCloudwatchLogsExports: ["postgresql"],
    tags: { "acgs2:data-zone": "us" },
};
const cluster = (p: Record<string, any>) => mk(T.rdsCluster, "db", withProps(goodCluster, p));
const vpc = mk("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" });

describe("aurora-encrypted-with-cmk", () => {
    it("passes an encrypted cluster with a CMK", () => assert.deepEqual(check(auroraEncryptedWithCmk, cluster({})), []));
    it("fails an unencrypted cluster without key", () => assert.deepEqual(
        check(auroraEncryptedWithCmk, cluster({ storageEncrypted: false, kmsKeyId: undefined })),
        ["Aurora cluster storage is not encrypted: set storageEncrypted: true.",
            "Aurora cluster has no customer-managed KMS key: set kmsKeyId to a CMK ARN."]));
    it("fails the AWS-managed key", () => assert.deepEqual(
        check(auroraEncryptedWithCmk, cluster({ kmsKeyId: "arn:aws:kms:us-east-1:111122223333:alias/aws/rds" })),
        ["Aurora cluster uses the AWS-managed key alias/aws/rds: set kmsKeyId to a customer-managed CMK ARN."]));
    it("fails an unencrypted global cluster", () => assert.deepEqual(
        check(auroraEncryptedWithCmk, mk(T.rdsGlobalCluster, "g", { engine: "aurora-postgresql" })),
        ["Global cluster storage is not encrypted: set storageEncrypted: true."]));
    it("does not apply to other types", () => assert.throws(() => check(auroraEncryptedWithCmk, vpc), NotApplicable));
    it("accepts unknown key and flag during preview", () =>
        assert.deepEqual(check(auroraEncryptedWithCmk, cluster({ kmsKeyId: U, storageEncrypted: U })), []));
});

describe("aurora-deletion-protection", () => {
    it("passes a protected cluster", () => assert.deepEqual(check(auroraDeletionProtection, cluster({})), []));
    it("fails without deletion protection and skipping the final snapshot", () => assert.deepEqual(
        check(auroraDeletionProtection, cluster({ deletionProtection: undefined, skipFinalSnapshot: true })),
        ["Aurora cluster has no deletion protection: set deletionProtection: true.",
            "Aurora cluster skips its final snapshot: set skipFinalSnapshot: false and a finalSnapshotIdentifier."]));
    it("does not apply to other types", () => assert.throws(() => check(auroraDeletionProtection, vpc), NotApplicable));
    it("accepts unknown values", () => assert.deepEqual(check(auroraDeletionProtection, cluster({ deletionProtection: U, skipFinalSnapshot: U })), []));
});

describe("aurora-backup-retention", () => {
    it("passes 7 days", () => assert.deepEqual(check(auroraBackupRetention, cluster({})), []));
    it("fails 3 days", () => assert.deepEqual(check(auroraBackupRetention, cluster({ backupRetentionPeriod: 3 })),
        ["Aurora cluster keeps backups 3 day(s): set backupRetentionPeriod to at least 7."]));
    it("fails the default", () => assert.deepEqual(check(auroraBackupRetention, cluster({ backupRetentionPeriod: undefined })),
        ["Aurora cluster keeps backups 1 day (the default): set backupRetentionPeriod to at least 7."]));
    it("does not apply to other types", () => assert.throws(() => check(auroraBackupRetention, vpc), NotApplicable));
    it("accepts an unknown period", () => assert.deepEqual(check(auroraBackupRetention, cluster({ backupRetentionPeriod: U })), []));
});

describe("aurora-iam-auth-and-log-exports", () => {
    it("passes IAM auth and postgresql logs", () => assert.deepEqual(check(auroraIamAuthAndLogs, cluster({})), []));
    it("fails without IAM auth and logs", () => assert.deepEqual(
        check(auroraIamAuthAndLogs, cluster({ iamDatabaseAuthenticationEnabled: false, enabledCloudwatchLogsExports: [] })),
        ["Aurora cluster has IAM database authentication off: set iamDatabaseAuthenticationEnabled: true.",
            "Aurora cluster does not export logs postgresql: add them to enabledCloudwatchLogsExports."]));
    it("wants audit and error logs from MySQL", () => assert.deepEqual(
        check(auroraIamAuthAndLogs, cluster({ engine: "aurora-mysql", enabledCloudwatchLogsExports: ["error"] })),
        ["Aurora cluster does not export logs audit: add them to enabledCloudwatchLogsExports."]));
    it("does not apply to other types", () => assert.throws(() => check(auroraIamAuthAndLogs, vpc), NotApplicable));
    it("accepts unknown exports", () => assert.deepEqual(check(auroraIamAuthAndLogs, cluster({ enabledCloudwatchLogsExports: U })), []));
});

describe("rds-instance-private-pi-encrypted", () => {
    const inst = (p: Record<string, any>) => mk(T.rdsClusterInstance, "db-1", { publiclyAccessible: false, performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1", ...p });
    it("passes a private instance", () => assert.deepEqual(check(rdsInstancePrivate, inst({})), []));
    it("fails a public instance with unencrypted insights", () => assert.deepEqual(
        check(rdsInstancePrivate, inst({ publiclyAccessible: true, performanceInsightsKmsKeyId: undefined })),
        ["Aurora instance is publicly accessible: set publiclyAccessible: false.",
            "Performance Insights is on without a customer KMS key: set performanceInsightsKmsKeyId."]));
    it("does not apply to other types", () => assert.throws(() => check(rdsInstancePrivate, vpc), NotApplicable));
    it("accepts an unknown key", () => assert.deepEqual(check(rdsInstancePrivate, inst({ performanceInsightsKmsKeyId: U, publiclyAccessible: U })), []));
});

export const goodCache = {
    atRestEncryptionEnabled: true, transitEncryptionEnabled: true, kmsKeyId: "arn:aws:kms:us-east-1:1:key/2",
    authToken: "[secret]", automaticFailoverEnabled: true, multiAzEnabled: true, tags: { "acgs2:data-zone": "us" },
};

describe("elasticache-encrypted-auth-failover", () => {
    const rg = (p: Record<string, any>) => mk(T.cacheReplicationGroup, "cache", withProps(goodCache, p));
    it("passes a secured group", () => assert.deepEqual(check(elasticacheSecured, rg({})), []));
    it("fails an open group", () => assert.deepEqual(check(elasticacheSecured, rg({
        atRestEncryptionEnabled: false, transitEncryptionEnabled: undefined, kmsKeyId: undefined, authToken: undefined,
        automaticFailoverEnabled: false, multiAzEnabled: undefined,
    })), [
        "Cache is not encrypted at rest: set atRestEncryptionEnabled: true.",
        "Cache is not encrypted in transit: set transitEncryptionEnabled: true.",
        "Cache requires no authentication: set authToken or userGroupIds.",
        "Cache has no customer-managed KMS key: set kmsKeyId.",
        "Cache has no automatic failover: set automaticFailoverEnabled: true.",
        "Cache is not Multi-AZ: set multiAzEnabled: true.",
    ]));
    it("lets a global datastore secondary inherit encryption and auth", () => assert.deepEqual(check(elasticacheSecured, rg({
        globalReplicationGroupId: "ldgnf-global", atRestEncryptionEnabled: undefined, transitEncryptionEnabled: undefined, authToken: undefined,
    })), []));
    it("does not apply to other types", () => assert.throws(() => check(elasticacheSecured, vpc), NotApplicable));
    it("accepts unknown values", () => assert.deepEqual(check(elasticacheSecured, rg({ kmsKeyId: U, multiAzEnabled: U, authToken: U })), []));
});

describe("s3-bucket-private-encrypted-versioned", () => {
    const bucket = mk(T.bucket, "data", { bucket: "acme-data-use1", tags: { "acgs2:data-zone": "us" } });
    const pab = (p: Record<string, any> = {}) => mk(T.bucketPublicAccessBlock, "data-pab", { bucket: "acme-data-use1",
        blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...p });
    const sse = (alg = "aws:kms") => mk(T.bucketSse[0], "data-sse", { bucket: U,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: alg, kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/3" } }] },
    { deps: [bucket] });
    const ver = (status = "Enabled") => mk(T.bucketVersioning[0], "data-ver", { bucket: "acme-data-use1",
        versioningConfiguration: { status } });
    const logs = mk(T.bucket, "logs", { bucket: "acme-logs-use1", tags: { "acgs2:data-zone": "us" } });
    const logging = mk(T.bucketLogging, "data-logging", { bucket: "acme-data-use1", targetBucket: "acme-logs-use1", targetPrefix: "data/" });
    const logsSiblings = [mk(T.bucketPublicAccessBlock, "logs-pab", { bucket: "acme-logs-use1", blockPublicAcls: true,
        blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
    mk(T.bucketVersioning[0], "logs-ver", { bucket: "acme-logs-use1", versioningConfiguration: { status: "Enabled" } })];
    const logsSse = (alg: string) => mk(T.bucketSse[0], "logs-sse", { bucket: "acme-logs-use1",
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: alg } }] });
    it("passes a bucket with all four siblings (matched by name or dependency)", () =>
        assert.deepEqual(checkStack(s3BucketSecured, [bucket, pab(), sse(), ver(), logging]), []));
    it("fails a bare bucket", () => assert.deepEqual(messages(checkStack(s3BucketSecured, [bucket])), [
        "Bucket data has no aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock.",
        "Bucket data has no default encryption with aws:kms: add a server-side encryption configuration with sseAlgorithm aws:kms and a kmsMasterKeyId.",
        "Bucket data is not versioned: add a bucket versioning resource with status Enabled.",
        "Bucket data has no server access logging: add an aws:s3/bucketLoggingV2:BucketLoggingV2 to the region's log bucket.",
    ]));
    it("accepts SSE-S3 only on a server access log destination, which needs no logging of its own", () => {
        assert.deepEqual(checkStack(s3BucketSecured, [bucket, pab(), sse(), ver(), logging, logs, ...logsSiblings, logsSse("AES256")]), []);
        // the same bucket without anything logging to it is an ordinary bucket again
        assert.deepEqual(messages(checkStack(s3BucketSecured, [logs, ...logsSiblings, logsSse("AES256")])), [
            "Bucket logs has no default encryption with aws:kms: add a server-side encryption configuration with sseAlgorithm aws:kms and a kmsMasterKeyId.",
            "Bucket logs has no server access logging: add an aws:s3/bucketLoggingV2:BucketLoggingV2 to the region's log bucket.",
        ]);
        // a logging resource whose target name is unknown still marks the bucket it depends on (not its source)
        const unknownTarget = mk(T.bucketLogging, "data-logging", { bucket: "acme-data-use1", targetBucket: U }, { deps: [bucket, logs] });
        assert.deepEqual(checkStack(s3BucketSecured, [bucket, pab(), sse(), ver(), unknownTarget, logs, ...logsSiblings, logsSse("AES256")]), []);
    });
    it("fails weak siblings", () => assert.deepEqual(
        checkStack(s3BucketSecured, [bucket, pab({ restrictPublicBuckets: false }), sse("AES256"), ver("Suspended"), logging]), [
            { message: "Bucket data public access block leaves restrictPublicBuckets off: set all four to true.", urn: bucket.urn },
            { message: "Bucket data has no default encryption with aws:kms: add a server-side encryption configuration with sseAlgorithm aws:kms and a kmsMasterKeyId.", urn: bucket.urn },
            { message: "Bucket data is not versioned: add a bucket versioning resource with status Enabled.", urn: bucket.urn },
        ]));
    it("does not apply without buckets", () => assert.throws(() => checkStack(s3BucketSecured, [vpc]), NotApplicable));
    it("accepts unknown sibling values", () => assert.deepEqual(
        checkStack(s3BucketSecured, [bucket, pab({ blockPublicAcls: U }), sse(U), mk(T.bucketVersioning[0], "v", {
            bucket: "acme-data-use1", versioningConfiguration: { status: U } }), logging]), []));
});

describe("kms-key-rotation", () => {
    it("passes a rotating key", () => assert.deepEqual(check(kmsKeyRotation, mk(T.kmsKey, "k", { enableKeyRotation: true })), []));
    it("fails a key without rotation", () => assert.deepEqual(check(kmsKeyRotation, mk(T.kmsKey, "k", {})),
        ["KMS key does not rotate: set enableKeyRotation: true."]));
    it("skips asymmetric keys, which AWS cannot rotate", () =>
        assert.deepEqual(check(kmsKeyRotation, mk(T.kmsKey, "k", { customerMasterKeySpec: "RSA_2048" })), []));
    it("does not apply to other types", () => assert.throws(() => check(kmsKeyRotation, vpc), NotApplicable));
    it("accepts an unknown flag", () => assert.deepEqual(check(kmsKeyRotation, mk(T.kmsKey, "k", { enableKeyRotation: U })), []));
});

describe("datastores-protected", () => {
    it("passes a protected cluster", () => assert.deepEqual(check(dataStoresProtected, mk(T.rdsCluster, "db", goodCluster, { protect: true })), []));
    it("passes retainOnDelete", () => assert.deepEqual(check(dataStoresProtected, mk(T.bucket, "b", {}, { retainOnDelete: true })), []));
    it("fails an unprotected cache", () => assert.deepEqual(check(dataStoresProtected, mk(T.cacheReplicationGroup, "c", goodCache)),
        ["Data store is not protected: set the protect resource option (or retainOnDelete)."]));
    it("does not apply to other types", () => assert.throws(() => check(dataStoresProtected, vpc), NotApplicable));
    it("does not read props, so unknown props do not matter", () =>
        assert.deepEqual(check(dataStoresProtected, mk(T.rdsCluster, "db", { kmsKeyId: U }, { protect: true })), []));
});
