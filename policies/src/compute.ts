// EKS and node rules of the baseline (policies/README.md, "Compute and network", first five rows).
import { Policies } from "@pulumi/policy";

import { asArray, dependsOn, get, isFalse, isSetOrUnknown, isTrue, isUnknown, ofType, resourcePolicy, StackRes, stackPolicy } from "./util";

export const T = {
    eksCluster: "aws:eks/cluster:Cluster",
    eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    subnet: "aws:ec2/subnet:Subnet",
} as const;

export const OPEN_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

export const eksEndpointNotPublic = resourcePolicy({
    name: "eks-endpoint-not-public",
    description: "The EKS API endpoint is private, or public only to listed CIDRs that exclude 0.0.0.0/0 and ::/0 " +
        "(Checkov CKV_AWS_38, CKV_AWS_39; Trivy AWS-0040, AWS-0041; CIS EKS 5.4.1-2).",
    types: [T.eksCluster],
    check: (p, _args, report) => {
        const vpc = p.vpcConfig;
        const pub = get(vpc, "endpointPublicAccess");
        if (isUnknown(vpc) || isUnknown(pub) || isFalse(pub)) {
            return;
        }
        // The endpoint is public (AWS's default): it must be restricted to specific CIDRs.
        const cidrs = get(vpc, "publicAccessCidrs");
        if (isUnknown(cidrs)) {
            return;
        }
        const list = asArray(cidrs);
        const open = list.filter(c => OPEN_CIDRS.includes(c));
        if (list.length === 0) {
            report("EKS API endpoint is public to 0.0.0.0/0 (no publicAccessCidrs): set vpcConfig.endpointPublicAccess: false " +
                "or list the allowed vpcConfig.publicAccessCidrs.");
        } else if (open.length > 0) {
            report(`EKS API endpoint is public to ${open.join(", ")}: set vpcConfig.endpointPublicAccess: false ` +
                "or remove the open CIDRs from vpcConfig.publicAccessCidrs.");
        }
    },
});

export const eksSecretsEncrypted = resourcePolicy({
    name: "eks-secrets-encrypted",
    description: "EKS encrypts Kubernetes secrets with a KMS key (Checkov CKV_AWS_58; Trivy AWS-0039; CIS EKS 5.3.1).",
    types: [T.eksCluster],
    check: (p, _args, report) => {
        const ec = p.encryptionConfig;
        if (isUnknown(ec)) {
            return;
        }
        const configs = asArray(ec);
        const ok = configs.some(c => isSetOrUnknown(get(c, "provider.keyArn")) &&
            (isUnknown(get(c, "resources")) || asArray(get(c, "resources")).includes("secrets")));
        if (!ok) {
            report("EKS secrets are not encrypted with KMS: set encryptionConfig.provider.keyArn and resources: [\"secrets\"].");
        }
    },
});

export const REQUIRED_EKS_LOG_TYPES: readonly string[] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksControlPlaneLogging = resourcePolicy({
    name: "eks-control-plane-logging",
    description: "EKS exports all five control-plane logs: api, audit, authenticator, controllerManager, scheduler (Checkov CKV_AWS_37; Trivy AWS-0038; CIS EKS 2.1.1).",
    types: [T.eksCluster],
    check: (p, _args, report) => {
        const types = p.enabledClusterLogTypes;
        if (isUnknown(types)) {
            return;
        }
        const missing = REQUIRED_EKS_LOG_TYPES.filter(t => !asArray(types).includes(t));
        if (missing.length > 0) {
            report(`EKS control-plane logs ${missing.join(", ")} are off: add them to enabledClusterLogTypes.`);
        }
    },
});

export const nodesImdsv2EncryptedVolumes = resourcePolicy({
    name: "nodes-imdsv2-encrypted-volumes",
    description: "Node launch templates require IMDSv2 with hop limit 1 and encrypt every EBS volume; node groups use such a " +
        "launch template (Checkov CKV_AWS_79, CKV_AWS_341; Trivy AWS-0028).",
    types: [T.launchTemplate, T.eksNodeGroup],
    check: (p, args, report) => {
        if (args.type === T.eksNodeGroup) {
            if (p.launchTemplate === undefined || p.launchTemplate === null) {
                report("Node group has no launchTemplate, so EKS's default template (IMDSv1 allowed, hop limit 2) applies: " +
                    "set launchTemplate to a template that requires IMDSv2.");
            }
            return;
        }
        const md = p.metadataOptions;
        if (!isUnknown(md)) {
            const tokens = get(md, "httpTokens");
            if (tokens !== "required" && !isUnknown(tokens)) {
                report("Launch template allows IMDSv1: set metadataOptions.httpTokens: \"required\".");
            }
            const hops = get(md, "httpPutResponseHopLimit");
            if (hops !== 1 && !isUnknown(hops)) {
                report("Launch template lets containers reach the instance metadata: set metadataOptions.httpPutResponseHopLimit: 1.");
            }
        }
        const bdms = p.blockDeviceMappings;
        if (isUnknown(bdms)) {
            return;
        }
        const withEbs = asArray(bdms).filter(m => m && m.ebs !== undefined && m.ebs !== null);
        if (withEbs.length === 0) {
            report("Launch template declares no EBS blockDeviceMappings, so root volume encryption is left to the AMI: " +
                "add a mapping with ebs.encrypted: \"true\".");
            return;
        }
        for (const m of withEbs) {
            const enc = get(m, "ebs.encrypted");
            if (!isTrue(enc) && !isUnknown(enc)) {
                report(`Launch template volume ${m.deviceName ?? "(unnamed)"} is not encrypted: set ebs.encrypted: "true".`);
            }
        }
    },
});

/** The subnets a node group references: via its subnetIds property dependencies, else all its dependencies. */
function nodeGroupSubnets(ng: StackRes, subnets: StackRes[]): StackRes[] {
    const viaProp = ng.res.propertyDependencies?.["subnetIds"] ?? [];
    if (viaProp.length > 0) {
        return subnets.filter(s => viaProp.some(d => d.urn === s.urn));
    }
    return subnets.filter(s => dependsOn(ng, s));
}

export function isPublicSubnet(s: StackRes): boolean {
    return isTrue(s.props.mapPublicIpOnLaunch) || get(s.props, "tags")?.["kubernetes.io/role/elb"] === "1";
}

export const nodesPrivateNoSsh = stackPolicy({
    name: "eks-nodes-private-no-ssh",
    description: "EKS node groups run in private subnets and do not open SSH to the internet (Checkov CKV_AWS_100; CIS EKS 5.4.3).",
    check: (resources, args, report) => {
        const ngs = ofType(resources, T.eksNodeGroup);
        if (ngs.length === 0) {
            args.notApplicable("No aws:eks/nodeGroup:NodeGroup in the stack");
        }
        const subnets = ofType(resources, T.subnet);
        for (const ng of ngs) {
            const ra = ng.props.remoteAccess;
            if (ra && !isUnknown(ra)) {
                const sgs = ra.sourceSecurityGroupIds;
                if (isSetOrUnknown(ra.ec2SshKey) && !isUnknown(sgs) && asArray(sgs).length === 0) {
                    report(`Node group ${ng.name} opens SSH to 0.0.0.0/0 (remoteAccess without sourceSecurityGroupIds): ` +
                        "remove remoteAccess or restrict it with sourceSecurityGroupIds.", ng.urn);
                }
            }
            for (const s of nodeGroupSubnets(ng, subnets)) {
                if (isPublicSubnet(s)) {
                    report(`Node group ${ng.name} uses public subnet ${s.name}: place nodes in private subnets.`, ng.urn);
                }
            }
        }
    },
});

export const computePolicies: Policies = [
    eksEndpointNotPublic,
    eksSecretsEncrypted,
    eksControlPlaneLogging,
    nodesImdsv2EncryptedVolumes,
    nodesPrivateNoSsh,
];
