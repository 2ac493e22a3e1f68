package io.acgs2.components.platform;

import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS Load Balancer Controller's IAM policy for what this platform asks of it: internal NLBs
 * for Services of type LoadBalancer (the chart runs it with {@code ServiceTypeLoadBalancerOnly} and
 * the WAF, WAFv2 and Shield add-ons off). Trimmed from the controller's published
 * {@code docs/install/iam_policy.json}:
 * <ul>
 *   <li>kept: the Describe reads (they take no resource ARN), {@code ec2:GetSecurityGroupsForVpc}
 *       (Elastic Load Balancing calls it on the caller's behalf in CreateLoadBalancer, controller
 *       PR #3921), the listener attribute calls the controller makes on every TCP listener, and the
 *       security group, load balancer, target group and listener changes, each only on what carries
 *       this cluster's {@code elbv2.k8s.aws/cluster} tag in this region and account;</li>
 *   <li>dropped: WAF, WAFv2, Shield and Cognito (ALB add-ons), Outposts customer-owned IP pools and
 *       IPAM pools, ACM and IAM server certificates with listener certificates (no TLS listeners: the
 *       mesh terminates TLS), and ALB rules and ARNs.</li>
 * </ul>
 * With a public front door ({@code publicAlb}) the controller also makes the region's
 * internet-facing ALB for the front door's Ingress: the same statements then also cover
 * {@code loadbalancer/app}, {@code listener/app} and {@code listener-rule/app} ARNs, plus listener
 * rules (the HTTP to HTTPS redirect and the host rules), listener certificates, reading the
 * region's ACM certificates, and the WAFv2 association the Ingress names (GetWebACL,
 * GetWebACLForResource, Associate/DisassociateWebACL on this region's regional web ACLs, SetWebAcl on
 * the cluster's ALBs). Still no Shield, WAF Classic, Cognito or certificate discovery.
 */
public final class LoadBalancerControllerPolicy {

    private LoadBalancerControllerPolicy() {
    }

    public static String document(String partition, String region, String accountId, String clusterName, String vpcId) {
        return document(partition, region, accountId, clusterName, vpcId, false);
    }

    public static String document(String partition, String region, String accountId, String clusterName, String vpcId,
                                  boolean publicAlb) {
        var elb = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":";
        var ec2 = "arn:" + partition + ":ec2:" + region + ":" + accountId + ":";
        var loadBalancers = publicAlb ? List.of(elb + "loadbalancer/net/*", elb + "loadbalancer/app/*") : List.of(elb + "loadbalancer/net/*");
        var targetGroups = List.of(elb + "targetgroup/*");
        var listeners = publicAlb ? List.of(elb + "listener/net/*", elb + "listener/app/*") : List.of(elb + "listener/net/*");
        var allElb = concat(loadBalancers, targetGroups, listeners);
        var securityGroups = ec2 + "security-group/*";
        var clusterTag = ClusterBaseline.CLUSTER_TAG;
        var taggedForCluster = Map.of("StringEquals", Map.of("aws:ResourceTag/" + clusterTag, clusterName));
        var requestTagsCluster = Map.of("StringEquals", Map.of("aws:RequestTag/" + clusterTag, clusterName));

        var statements = new ArrayList<Map<String, Object>>();
        statements.add(statement("Describe", List.of(
                "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
                "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections",
                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances",
                "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:DescribeRouteTables",
                "ec2:GetSecurityGroupsForVpc",
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerAttributes",
                "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes",
                "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
                "elasticloadbalancing:DescribeCapacityReservation"), "*", null));
        statements.add(statement("ElbServiceLinkedRole", List.of("iam:CreateServiceLinkedRole"),
                "arn:" + partition + ":iam::" + accountId
                        + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
                Map.of("StringEquals", Map.of("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"))));
        // Security groups: created in the cluster's VPC, tagged for the cluster at creation.
        statements.add(statement("CreateSecurityGroupInClusterVpc", List.of("ec2:CreateSecurityGroup"),
                ec2 + "vpc/" + vpcId, null));
        statements.add(statement("CreateClusterTaggedSecurityGroup", List.of("ec2:CreateSecurityGroup"),
                securityGroups, requestTagsCluster));
        statements.add(statement("TagSecurityGroupOnCreate", List.of("ec2:CreateTags"), securityGroups,
                Map.of("StringEquals", Map.of("ec2:CreateAction", "CreateSecurityGroup",
                        "aws:RequestTag/" + clusterTag, clusterName))));
        statements.add(statement("ManageClusterTaggedSecurityGroups", List.of(
                "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"),
                securityGroups, taggedForCluster));
        statements.add(statement("AdmitLoadBalancerTrafficOnNodeSecurityGroup", List.of(
                "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"),
                securityGroups, Map.of("Null", Map.of("aws:ResourceTag/kubernetes.io/cluster/" + clusterName, "false"))));
        // NLBs, target groups and listeners: created only tagged for this cluster ...
        statements.add(statement("CreateClusterTaggedElb", List.of(
                "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup",
                "elasticloadbalancing:CreateListener"), allElb, requestTagsCluster));
        statements.add(statement("TagElbOnCreate", List.of("elasticloadbalancing:AddTags"), allElb,
                Map.of("StringEquals", Map.of(
                        "elasticloadbalancing:CreateAction", List.of("CreateLoadBalancer", "CreateTargetGroup", "CreateListener"),
                        "aws:RequestTag/" + clusterTag, clusterName))));
        // ... and changed or deleted only while they carry this cluster's tag.
        statements.add(statement("ManageClusterTaggedElb", List.of(
                "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
                "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
                "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:DeleteLoadBalancer",
                "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets",
                "elasticloadbalancing:DeleteTargetGroup",
                "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyListenerAttributes",
                "elasticloadbalancing:DeleteListener"), allElb, taggedForCluster));
        // Other tags on its own resources may change; the cluster tag itself never moves.
        statements.add(statement("RetagClusterTaggedElb", List.of(
                "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"), allElb,
                Map.of("StringEquals", Map.of("aws:ResourceTag/" + clusterTag, clusterName),
                        "ForAllValues:StringNotEquals", Map.of("aws:TagKeys", clusterTag))));
        if (publicAlb) {
            var rules = List.of(elb + "listener/app/*", elb + "listener-rule/app/*");
            // the ALB's listener rules (HTTP to HTTPS redirect, host and path rules) and its certificates
            statements.add(statement("ManageAlbRules", List.of(
                    "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule",
                    "elasticloadbalancing:SetRulePriorities", "elasticloadbalancing:AddListenerCertificates",
                    "elasticloadbalancing:RemoveListenerCertificates"), rules, null));
            statements.add(statement("TagAlbRulesOnCreate", List.of("elasticloadbalancing:AddTags"), rules,
                    Map.of("StringEquals", Map.of("elasticloadbalancing:CreateAction", List.of("CreateRule", "CreateListener"),
                            "aws:RequestTag/" + clusterTag, clusterName))));
            statements.add(statement("DescribeAlbRulesAndCertificates", List.of("elasticloadbalancing:DescribeRules",
                    "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeSSLPolicies"), "*", null));
            statements.add(statement("ReadRegionCertificates", List.of("acm:DescribeCertificate"),
                    "arn:" + partition + ":acm:" + region + ":" + accountId + ":certificate/*", null));
            // the web ACL the Ingress names, on the cluster's own ALBs only
            var webAcls = "arn:" + partition + ":wafv2:" + region + ":" + accountId + ":regional/webacl/*";
            statements.add(statement("AssociateRegionWebAcls", List.of("wafv2:GetWebACL", "wafv2:GetWebACLForResource",
                    "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL"), List.of(webAcls, elb + "loadbalancer/app/*"), null));
            statements.add(statement("SetWebAclOnClusterAlbs", List.of("elasticloadbalancing:SetWebAcl"),
                    elb + "loadbalancer/app/*", taggedForCluster));
        }
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }

    private static Map<String, Object> statement(String sid, List<String> actions, Object resource, Map<String, ?> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resource);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        var out = new ArrayList<String>();
        for (var l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }
}
