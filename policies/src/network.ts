// Network and logging rules of the baseline (policies/README.md, "Compute and network", last five rows).
import { Policies } from "@pulumi/policy";

import { OPEN_CIDRS } from "./compute";
import { asArray, isSetOrUnknown, isUnknown, ofType, references, resourcePolicy, stackPolicy } from "./util";

export const T = {
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpc: "aws:ec2/vpc:Vpc",
    flowLog: "aws:ec2/flowLog:FlowLog",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    transitGateway: "aws:ec2transitgateway/transitGateway:TransitGateway",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

/** Ports a load balancer may expose to the internet. */
export const PUBLIC_PORTS: readonly number[] = [80, 443];

/**
 * The violation for one ingress permission open to the internet, or undefined when it is allowed
 * (a single public port) or cannot be judged (unknown values).
 */
export function openIngressProblem(what: string, protocol: unknown, from: unknown, to: unknown, cidrs: unknown[]): string | undefined {
    const open = cidrs.filter(c => typeof c === "string" && OPEN_CIDRS.includes(c));
    if (open.length === 0 || [protocol, from, to].some(isUnknown)) {
        return undefined;
    }
    const allProtocols = protocol === "-1" || protocol === -1 || protocol === "all";
    if (!allProtocols && from === to && typeof from === "number" && PUBLIC_PORTS.includes(from)) {
        return undefined;
    }
    const ports = allProtocols ? "all ports" : from === to ? `port ${from}` : `ports ${from}-${to}`;
    return `${what} opens ${ports} (protocol ${protocol}) to ${open.join(", ")}: ` +
        `only ports ${PUBLIC_PORTS.join(" and ")} may be open to the internet.`;
}

export const securityGroupNoOpenIngress = resourcePolicy({
    name: "security-group-no-open-ingress",
    description: "No ingress from 0.0.0.0/0 or ::/0 except the public load balancer ports 80 and 443 " +
        "(Checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277; Trivy AWS-0107).",
    types: [T.securityGroup, T.securityGroupRule, T.ingressRule],
    check: (p, args, report) => {
        const problems: (string | undefined)[] = [];
        if (args.type === T.securityGroup) {
            if (isUnknown(p.ingress)) {
                return;
            }
            asArray(p.ingress).forEach((r, i) => {
                if (isUnknown(r)) {
                    return;
                }
                const cidrs = [...asArray(r.cidrBlocks), ...asArray(r.ipv6CidrBlocks)];
                problems.push(openIngressProblem(`Ingress rule ${i}`, r.protocol, r.fromPort, r.toPort, cidrs));
            });
        } else if (args.type === T.securityGroupRule) {
            if (p.type !== "ingress") {
                return;
            }
            const cidrs = [...asArray(p.cidrBlocks), ...asArray(p.ipv6CidrBlocks)];
            problems.push(openIngressProblem("Ingress rule", p.protocol, p.fromPort, p.toPort, cidrs));
        } else {
            problems.push(openIngressProblem("Ingress rule", p.ipProtocol, p.fromPort, p.toPort, [p.cidrIpv4, p.cidrIpv6]));
        }
        for (const m of problems) {
            if (m) {
                report(m);
            }
        }
    },
});

export const vpcFlowLogsEnabled = stackPolicy({
    name: "vpc-flow-logs-enabled",
    description: "Every VPC has a flow log (Checkov CKV2_AWS_11; Trivy AWS-0178).",
    check: (resources, args, report) => {
        const vpcs = ofType(resources, T.vpc);
        if (vpcs.length === 0) {
            args.notApplicable("No aws:ec2/vpc:Vpc in the stack");
        }
        const flowLogs = ofType(resources, T.flowLog);
        for (const vpc of vpcs) {
            // A VPC's id is an output: match the flow log's vpcId to it when known, else its dependency on the VPC.
            if (!flowLogs.some(f => references(f, "vpcId", vpc, vpc.props.id))) {
                report(`VPC ${vpc.name} has no aws:ec2/flowLog:FlowLog: add a flow log whose vpcId is this VPC's id.`, vpc.urn);
            }
        }
    },
});

export const defaultSecurityGroupClosed = resourcePolicy({
    name: "default-security-group-closed",
    description: "The default security group of every VPC has no rules (Checkov CKV2_AWS_12).",
    types: [T.defaultSecurityGroup],
    check: (p, _args, report) => {
        for (const dir of ["ingress", "egress"]) {
            const rules = p[dir];
            if (!isUnknown(rules) && asArray(rules).length > 0) {
                report(`Default security group has ${dir} rules: leave ${dir} empty.`);
            }
        }
    },
});

export const tgwNoAutoAccept = resourcePolicy({
    name: "tgw-no-auto-accept",
    description: "Transit gateways do not auto-accept shared attachments (Checkov CKV_AWS_331).",
    types: [T.transitGateway],
    check: (p, _args, report) => {
        const v = p.autoAcceptSharedAttachments;
        if (v !== undefined && v !== "disable" && !isUnknown(v)) {
            report(`Transit gateway auto-accepts shared attachments (autoAcceptSharedAttachments: "${v}"): set it to "disable".`);
        }
    },
});

export const DEFAULT_MIN_LOG_RETENTION_DAYS = 365;

export const logGroupEncryptedRetained = resourcePolicy({
    name: "log-group-encrypted-retained",
    description: "CloudWatch log groups are encrypted with a KMS key and keep logs at least a year (Checkov CKV_AWS_158, CKV_AWS_338).",
    types: [T.logGroup],
    configSchema: {
        properties: {
            minRetentionDays: {
                type: "integer",
                description: "Least retentionInDays accepted (0, never expire, is always accepted).",
                default: DEFAULT_MIN_LOG_RETENTION_DAYS,
            },
        },
    },
    check: (p, args, report) => {
        const min = args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ?? DEFAULT_MIN_LOG_RETENTION_DAYS;
        if (!isSetOrUnknown(p.kmsKeyId)) {
            report("Log group is not encrypted with a customer KMS key: set kmsKeyId.");
        }
        const days = p.retentionInDays;
        if (isUnknown(days)) {
            return;
        }
        if (typeof days !== "number") {
            report(`Log group has no retention: set retentionInDays to at least ${min}.`);
        } else if (days !== 0 && days < min) {
            report(`Log group keeps logs ${days} days: set retentionInDays to at least ${min}.`);
        }
    },
});

export const networkPolicies: Policies = [
    securityGroupNoOpenIngress,
    vpcFlowLogsEnabled,
    defaultSecurityGroupClosed,
    tgwNoAutoAccept,
    logGroupEncryptedRetained,
];
