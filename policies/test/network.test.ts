import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
    defaultSecurityGroupClosed, logGroupEncryptedRetained, securityGroupNoOpenIngress, T, tgwNoAutoAccept, vpcFlowLogsEnabled,
} from "../src/network";
import { check, checkStack, mk, NotApplicable, U } from "./helpers";

const kms = mk("aws:kms/key:Key", "k", { enableKeyRotation: true });

describe("security-group-no-open-ingress", () => {
    const sg = (ingress: any) => mk(T.securityGroup, "alb-sg", { vpcId: U, ingress });
    it("passes 443 and 80 from anywhere and 22 from the VPC", () => assert.deepEqual(check(securityGroupNoOpenIngress, sg([
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] },
        { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] },
    ])), []));
    it("fails SSH and all-traffic from anywhere inline", () => assert.deepEqual(check(securityGroupNoOpenIngress, sg([
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
        { protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] },
    ])), [
        "Ingress rule 0 opens port 22 (protocol tcp) to 0.0.0.0/0: only ports 80 and 443 may be open to the internet.",
        "Ingress rule 1 opens all ports (protocol -1) to ::/0: only ports 80 and 443 may be open to the internet.",
    ]));
    it("fails a SecurityGroupRule port range from anywhere", () => assert.deepEqual(check(securityGroupNoOpenIngress,
        mk(T.securityGroupRule, "r", { type: "ingress", protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"], securityGroupId: U })),
    ["Ingress rule opens ports 80-443 (protocol tcp) to 0.0.0.0/0: only ports 80 and 443 may be open to the internet."]));
    it("ignores egress SecurityGroupRules", () => assert.deepEqual(check(securityGroupNoOpenIngress,
        mk(T.securityGroupRule, "r", { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })), []));
    it("fails a SecurityGroupIngressRule on cidrIpv6", () => assert.deepEqual(check(securityGroupNoOpenIngress,
        mk(T.ingressRule, "r", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: "::/0", securityGroupId: U })),
    ["Ingress rule opens port 5432 (protocol tcp) to ::/0: only ports 80 and 443 may be open to the internet."]));
    it("passes a SecurityGroupIngressRule on 443", () => assert.deepEqual(check(securityGroupNoOpenIngress,
        mk(T.ingressRule, "r", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })), []));
    it("does not apply to other types", () => assert.throws(() => check(securityGroupNoOpenIngress, kms), NotApplicable));
    it("accepts unknown ports and rule lists", () => {
        assert.deepEqual(check(securityGroupNoOpenIngress, sg([{ protocol: "tcp", fromPort: U, toPort: U, cidrBlocks: ["0.0.0.0/0"] }])), []);
        assert.deepEqual(check(securityGroupNoOpenIngress, sg(U)), []);
    });
});

describe("vpc-flow-logs-enabled", () => {
    const vpc = mk(T.vpc, "use1-net-vpc", { cidrBlock: "10.0.0.0/16" });
    const vpc2 = mk(T.vpc, "use1-edge-vpc", { cidrBlock: "10.1.0.0/16" });
    const flowLog = mk(T.flowLog, "use1-net-flow-log", { vpcId: U, logDestinationType: "cloud-watch-logs", logDestination: U,
        iamRoleArn: U, trafficType: "ALL" }, { deps: [vpc] });
    it("passes a VPC whose flow log depends on it", () => assert.deepEqual(checkStack(vpcFlowLogsEnabled, [vpc, flowLog]), []));
    it("passes a flow log matched by a known vpcId", () => assert.deepEqual(checkStack(vpcFlowLogsEnabled, [
        mk(T.vpc, "v", { id: "vpc-123" }), mk(T.flowLog, "f", { vpcId: "vpc-123" })]), []));
    it("fails a VPC without flow log", () => assert.deepEqual(checkStack(vpcFlowLogsEnabled, [vpc, vpc2, flowLog]), [
        { message: "VPC use1-edge-vpc has no aws:ec2/flowLog:FlowLog: add a flow log whose vpcId is this VPC's id.", urn: vpc2.urn },
    ]));
    it("does not apply without VPCs", () => assert.throws(() => checkStack(vpcFlowLogsEnabled, [kms]), NotApplicable));
    it("matches an unknown vpcId by dependency only", () => assert.deepEqual(
        checkStack(vpcFlowLogsEnabled, [vpc, mk(T.flowLog, "f", { vpcId: U })]).length, 1));
});

describe("default-security-group-closed", () => {
    it("passes a closed default group", () => assert.deepEqual(check(defaultSecurityGroupClosed, mk(T.defaultSecurityGroup, "d", { vpcId: U })), []));
    it("fails rules on the default group", () => assert.deepEqual(check(defaultSecurityGroupClosed, mk(T.defaultSecurityGroup, "d", {
        ingress: [{ protocol: "-1", self: true, fromPort: 0, toPort: 0 }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    })), ["Default security group has ingress rules: leave ingress empty.", "Default security group has egress rules: leave egress empty."]));
    it("does not apply to other types", () => assert.throws(() => check(defaultSecurityGroupClosed, kms), NotApplicable));
    it("accepts unknown rule lists", () => assert.deepEqual(check(defaultSecurityGroupClosed, mk(T.defaultSecurityGroup, "d", { ingress: U })), []));
});

describe("tgw-no-auto-accept", () => {
    it("passes disable", () => assert.deepEqual(check(tgwNoAutoAccept, mk(T.transitGateway, "tgw", { autoAcceptSharedAttachments: "disable" })), []));
    it("fails enable", () => assert.deepEqual(check(tgwNoAutoAccept, mk(T.transitGateway, "tgw", { autoAcceptSharedAttachments: "enable" })),
        ["Transit gateway auto-accepts shared attachments (autoAcceptSharedAttachments: \"enable\"): set it to \"disable\"."]));
    it("does not apply to other types", () => assert.throws(() => check(tgwNoAutoAccept, kms), NotApplicable));
    it("accepts an unknown setting", () => assert.deepEqual(check(tgwNoAutoAccept, mk(T.transitGateway, "tgw", { autoAcceptSharedAttachments: U })), []));
});

describe("log-group-encrypted-retained", () => {
    const lg = (p: Record<string, any>) => mk(T.logGroup, "flow-logs", { name: "/acgs2/flow", kmsKeyId: "arn:aws:kms:us-east-1:1:key/6", retentionInDays: 365, ...p });
    it("passes an encrypted group kept a year", () => assert.deepEqual(check(logGroupEncryptedRetained, lg({})), []));
    it("fails an unencrypted group without retention", () => assert.deepEqual(check(logGroupEncryptedRetained, lg({ kmsKeyId: undefined, retentionInDays: undefined })),
        ["Log group is not encrypted with a customer KMS key: set kmsKeyId.", "Log group has no retention: set retentionInDays to at least 365."]));
    it("fails 30 days", () => assert.deepEqual(check(logGroupEncryptedRetained, lg({ retentionInDays: 30 })),
        ["Log group keeps logs 30 days: set retentionInDays to at least 365."]));
    it("does not apply to other types", () => assert.throws(() => check(logGroupEncryptedRetained, kms), NotApplicable));
    it("accepts unknown key and retention", () => assert.deepEqual(check(logGroupEncryptedRetained, lg({ kmsKeyId: U, retentionInDays: U })), []));
});
