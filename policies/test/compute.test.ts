import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
    eksControlPlaneLogging, eksEndpointNotPublic, eksSecretsEncrypted, nodesImdsv2EncryptedVolumes, nodesPrivateNoSsh, T,
} from "../src/compute";
import { check, checkStack, mk, NotApplicable, U, withProps } from "./helpers";

const goodEks = {
    vpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, subnetIds: ["subnet-1"] },
    encryptionConfig: { provider: { keyArn: "arn:aws:kms:us-east-1:1:key/4" }, resources: ["secrets"] },
    enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
};
const eks = (p: Record<string, any>) => mk(T.eksCluster, "eks", withProps(goodEks, p));
const vpc = mk("aws:ec2/vpc:Vpc", "vpc", {});

describe("eks-endpoint-not-public", () => {
    it("passes a private endpoint", () => assert.deepEqual(check(eksEndpointNotPublic, eks({})), []));
    it("passes a public endpoint limited to office CIDRs", () => assert.deepEqual(check(eksEndpointNotPublic,
        eks({ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } })), []));
    it("fails a public endpoint open to the internet", () => assert.deepEqual(check(eksEndpointNotPublic,
        eks({ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0", "::/0"] } })),
    ["EKS API endpoint is public to 0.0.0.0/0, ::/0: set vpcConfig.endpointPublicAccess: false or remove the open CIDRs from vpcConfig.publicAccessCidrs."]));
    it("fails the default (public, no CIDRs)", () => assert.deepEqual(check(eksEndpointNotPublic, eks({ vpcConfig: {} })),
        ["EKS API endpoint is public to 0.0.0.0/0 (no publicAccessCidrs): set vpcConfig.endpointPublicAccess: false or list the allowed vpcConfig.publicAccessCidrs."]));
    it("does not apply to other types", () => assert.throws(() => check(eksEndpointNotPublic, vpc), NotApplicable));
    it("accepts unknown CIDRs", () => assert.deepEqual(check(eksEndpointNotPublic,
        eks({ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: U } })), []));
});

describe("eks-secrets-encrypted", () => {
    it("passes KMS secrets encryption", () => assert.deepEqual(check(eksSecretsEncrypted, eks({})), []));
    it("fails without encryptionConfig", () => assert.deepEqual(check(eksSecretsEncrypted, eks({ encryptionConfig: undefined })),
        ["EKS secrets are not encrypted with KMS: set encryptionConfig.provider.keyArn and resources: [\"secrets\"]."]));
    it("does not apply to other types", () => assert.throws(() => check(eksSecretsEncrypted, vpc), NotApplicable));
    it("accepts an unknown key ARN", () => assert.deepEqual(check(eksSecretsEncrypted,
        eks({ encryptionConfig: { provider: { keyArn: U }, resources: ["secrets"] } })), []));
});

describe("eks-control-plane-logging", () => {
    it("passes all five log types", () => assert.deepEqual(check(eksControlPlaneLogging, eks({})), []));
    it("fails missing audit logs", () => assert.deepEqual(check(eksControlPlaneLogging, eks({ enabledClusterLogTypes: ["api"] })),
        ["EKS control-plane logs audit, authenticator, controllerManager, scheduler are off: add them to enabledClusterLogTypes."]));
    it("fails without the controller manager and scheduler logs (CIS EKS 2.1.1)", () => assert.deepEqual(
        check(eksControlPlaneLogging, eks({ enabledClusterLogTypes: ["api", "audit", "authenticator"] })),
        ["EKS control-plane logs controllerManager, scheduler are off: add them to enabledClusterLogTypes."]));
    it("does not apply to other types", () => assert.throws(() => check(eksControlPlaneLogging, vpc), NotApplicable));
    it("accepts unknown log types", () => assert.deepEqual(check(eksControlPlaneLogging, eks({ enabledClusterLogTypes: U })), []));
});

const goodLt = {
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1, httpEndpoint: "enabled" },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: "arn:aws:kms:us-east-1:1:key/5", volumeSize: 50 } }],
};
const lt = (p: Record<string, any>) => mk(T.launchTemplate, "nodes-lt", withProps(goodLt, p));

describe("nodes-imdsv2-encrypted-volumes", () => {
    it("passes a hardened launch template", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes, lt({})), []));
    it("passes a node group with a launch template", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes,
        mk(T.eksNodeGroup, "ng", { launchTemplate: { id: "lt-1", version: "1" } })), []));
    it("fails IMDSv1, hop limit 2 and an unencrypted volume", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes, lt({
        metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }],
    })), [
        "Launch template allows IMDSv1: set metadataOptions.httpTokens: \"required\".",
        "Launch template lets containers reach the instance metadata: set metadataOptions.httpPutResponseHopLimit: 1.",
        "Launch template volume /dev/xvda is not encrypted: set ebs.encrypted: \"true\".",
    ]));
    it("fails a template without EBS mappings", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes, lt({ blockDeviceMappings: undefined })),
        ["Launch template declares no EBS blockDeviceMappings, so root volume encryption is left to the AMI: add a mapping with ebs.encrypted: \"true\"."]));
    it("fails a node group without launch template", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes, mk(T.eksNodeGroup, "ng", {})),
        ["Node group has no launchTemplate, so EKS's default template (IMDSv1 allowed, hop limit 2) applies: set launchTemplate to a template that requires IMDSv2."]));
    it("does not apply to other types", () => assert.throws(() => check(nodesImdsv2EncryptedVolumes, vpc), NotApplicable));
    it("accepts unknown metadata options and mappings", () => assert.deepEqual(check(nodesImdsv2EncryptedVolumes,
        lt({ metadataOptions: { httpTokens: U, httpPutResponseHopLimit: U }, blockDeviceMappings: U })), []));
});

describe("eks-nodes-private-no-ssh", () => {
    const priv = mk(T.subnet, "private-a", { cidrBlock: "10.0.0.0/20", mapPublicIpOnLaunch: false });
    const pub = mk(T.subnet, "public-a", { cidrBlock: "10.0.64.0/24", mapPublicIpOnLaunch: true });
    const ng = (deps: any[], p: Record<string, any> = {}) => mk(T.eksNodeGroup, "ng", { subnetIds: [U], ...p }, { deps });
    it("passes nodes in private subnets without remote access", () => assert.deepEqual(checkStack(nodesPrivateNoSsh, [priv, pub, ng([priv])]), []));
    it("fails nodes in a public subnet with SSH open to the world", () => {
        const bad = ng([pub], { remoteAccess: { ec2SshKey: "ops" } });
        assert.deepEqual(checkStack(nodesPrivateNoSsh, [pub, bad]), [
            { message: "Node group ng opens SSH to 0.0.0.0/0 (remoteAccess without sourceSecurityGroupIds): remove remoteAccess or restrict it with sourceSecurityGroupIds.", urn: bad.urn },
            { message: "Node group ng uses public subnet public-a: place nodes in private subnets.", urn: bad.urn },
        ]);
    });
    it("does not apply without node groups", () => assert.throws(() => checkStack(nodesPrivateNoSsh, [priv]), NotApplicable));
    it("accepts unknown remote access security groups", () => assert.deepEqual(checkStack(nodesPrivateNoSsh,
        [priv, ng([priv], { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: U } })]), []));
});
