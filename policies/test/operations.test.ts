import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import { alarmTopicSubscribedInProduction, backupCopyStaysInZone, dataStoreHasBackupPlan, T } from "../src/operations";
import { checkStack, messages, mk } from "./helpers";

const bucket = (domain: string, zone: string) => mk("aws:s3/bucketV2:BucketV2", `b-${domain}`,
    { bucket: `acgs2-${domain}-eu-west-1-123456789012`, tags: { "acgs2:data-domain": domain, "acgs2:data-zone": zone } }, { region: "eu-west-1" });
const plan = (domain: string, zone: string, copyTo?: string) => mk(T.plan, `plan-${domain}`, { tags: { "acgs2:data-domain": domain,
    "acgs2:data-zone": zone }, rules: [{ ruleName: "daily", copyActions: copyTo ? [{ destinationVaultArn: copyTo }] : undefined }] },
{ region: "eu-west-1" });

describe("data-store-has-backup-plan", () => {
    it("passes a domain bucket in a plan's selection", () => assert.deepEqual(checkStack(dataStoreHasBackupPlan, [bucket("eu", "gdpr"), plan("eu", "gdpr"),
        mk(T.selection, "sel", { resources: ["arn:aws:s3:::acgs2-eu-eu-west-1-123456789012"] })]), []));
    it("fails a domain without a plan, and a bucket in no selection", () => assert.deepEqual(messages(checkStack(dataStoreHasBackupPlan,
        [bucket("eu", "gdpr"), plan("eu", "gdpr"), bucket("other", "gdpr")])), [
        "Bucket b-eu of domain eu is in no backup selection of the stack.",
        "aws:s3/bucketV2:BucketV2 b-other of domain other has no backup plan tagged acgs2:data-domain=other in the stack.",
        "Bucket b-other of domain other is in no backup selection of the stack.",
    ]));
});

describe("backup-copy-stays-in-zone", () => {
    it("passes copies inside the zone", () => assert.deepEqual(checkStack(backupCopyStaysInZone,
        [plan("eu", "gdpr", "arn:aws:backup:eu-central-1:123456789012:backup-vault:acgs2-eu-central-1")]), []));
    it("fails a copy out of the zone, an unprovable one of a restricted zone, and an undeclared zone", () => {
        assert.deepEqual(messages(checkStack(backupCopyStaysInZone, [
            plan("eu", "gdpr", "arn:aws:backup:us-east-1:123456789012:backup-vault:acgs2-us-east-1"),
            plan("x", "gdpr", "vault-somewhere"),
            mk(T.plan, "bare", { rules: [] }),
        ])), [
            "Backup plan plan-eu (zone gdpr) copies to a vault in us-east-1, outside the zone (eu-west-1, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2).",
            "Backup plan plan-x (restricted zone gdpr) copies to vault-somewhere, whose region cannot be proven.",
            "Backup plan bare declares no acgs2:data-zone: tag it with its domain's zone.",
        ]);
    });
});

describe("alarm-topic-subscribed-in-production", () => {
    const topic = (name: string, paging?: string) => mk(T.topic, name, { tags: paging ? { "acgs2:paging": paging } : {} });
    it("does not apply outside production", () => assert.throws(() => checkStack(alarmTopicSubscribedInProduction, [topic("t", "non-production")])));
    it("fails every unsubscribed topic of a production stack", () => {
        const critical = topic("critical", "production");
        const data = topic("data-alarms");
        const sub = mk(T.subscription, "oncall", { protocol: "https" }, { deps: [critical] });
        assert.deepEqual(messages(checkStack(alarmTopicSubscribedInProduction, [critical, data, sub])),
            ["Topic data-alarms of a production stack has no subscription: subscribe the on-call (acgs2-infra:paging)."]);
    });
});
