package io.acgs2.components.compute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EksClusterTest {

    private static final String CLUSTER = "aws:eks/cluster:Cluster";
    private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    private static final String ADDON = "aws:eks/addon:Addon";
    private static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final ObjectMapper JSON = new ObjectMapper();

    static NodeGroupSpec system() {
        return NodeGroupSpec.builder().instanceTypes(List.of("m6i.large")).minSize(2).maxSize(4)
                .labels(Map.of("acgs2.io/node-role", "system")).build();
    }

    static StackPlan cluster(Consumer<EksClusterArgs.Builder> customize) {
        return runInRegion("eu-west-1", r -> {
            var args = EksClusterArgs.builder()
                    .region("eu-west-1")
                    .clusterName("acgs2-eu-west-1")
                    .vpcId(Output.of("vpc-1"))
                    .vpcCidrs(Output.of(List.of("10.20.0.0/16")))
                    .subnetIds(Output.of(List.of("subnet-a", "subnet-b", "subnet-c")))
                    .nodeGroups(Map.of("system", system()))
                    .facts(r.facts());
            customize.accept(args);
            new EksCluster("eks", args.build(), r.opts());
        });
    }

    @Test
    void theClusterIsPrivateEncryptedLoggedOnStandardSupportAndProtected() {
        var plan = cluster(a -> { });
        var c = one(plan, CLUSTER, "eks-cluster");
        assertTrue(c.protect(), "the cluster is protected");
        assertEquals("acgs2-eu-west-1", c.inputs().get("name"));
        assertEquals(KubernetesVersions.DEFAULT, c.inputs().get("version"));
        var vpc = map(c.inputs().get("vpcConfig"));
        assertEquals(true, vpc.get("endpointPrivateAccess"));
        assertEquals(false, vpc.get("endpointPublicAccess"));
        assertFalse(vpc.containsKey("publicAccessCidrs"));
        assertEquals(List.of("subnet-a", "subnet-b", "subnet-c"), vpc.get("subnetIds"));
        assertEquals(Map.of("authenticationMode", "API", "bootstrapClusterCreatorAdminPermissions", false),
                c.inputs().get("accessConfig"));
        assertEquals(false, c.inputs().get("bootstrapSelfManagedAddons"));
        assertEquals(Map.of("supportType", "STANDARD"), c.inputs().get("upgradePolicy"));
        assertEquals(List.of("api", "audit", "authenticator", "controllerManager", "scheduler"), c.inputs().get("enabledClusterLogTypes"),
                "all five control-plane logs (CIS EKS 2.1.1)");
        var encryption = map(c.inputs().get("encryptionConfig"));
        assertEquals(List.of("secrets"), encryption.get("resources"));
        var secretsKey = one(plan, "aws:kms/key:Key", "eks-secrets-key");
        assertEquals(true, secretsKey.inputs().get("enableKeyRotation"));
        assertEquals(map(encryption.get("provider")).get("keyArn"), "arn:aws:kms:eu-west-1:123456789012:key/"
                + String.valueOf(map(encryption.get("provider")).get("keyArn")).substring(
                "arn:aws:kms:eu-west-1:123456789012:key/".length()));
        // the log group exists (encrypted, a year) before the cluster writes to it
        var logs = one(plan, "aws:cloudwatch/logGroup:LogGroup", "eks-control-plane-logs");
        assertEquals("/aws/eks/acgs2-eu-west-1/cluster", logs.inputs().get("name"));
        assertEquals(365L, logs.inputs().get("retentionInDays"));
        assertTrue(c.dependencies().contains(logs.urn()));
        assertTrue(statement(one(plan, "aws:kms/key:Key", "eks-logs-key").inputs().get("policy"), "CloudWatchLogsUse")
                .get("Condition").get("ArnLike").get("kms:EncryptionContext:aws:logs:arn").asText()
                .endsWith(":log-group:/aws/eks/acgs2-eu-west-1/*"));
        // only the managed policy EKS needs
        var attachments = where(plan, r -> r.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                && r.name().equals("eks-cluster-policy"));
        assertEquals("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", attachments.get(0).inputs().get("policyArn"));
        assertEquals(1, where(plan, r -> r.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                && r.name().startsWith("eks-cluster")).size());
    }

    @Test
    void thePublicEndpointIsAnExplicitAllowlistNeverTheWorld() {
        var plan = cluster(a -> a.endpointAccess(EndpointAccess.PUBLIC_AND_PRIVATE).publicAccessCidrs(List.of("203.0.113.0/24")));
        var vpc = map(one(plan, CLUSTER, "eks-cluster").inputs().get("vpcConfig"));
        assertEquals(true, vpc.get("endpointPublicAccess"));
        assertEquals(List.of("203.0.113.0/24"), vpc.get("publicAccessCidrs"));

        for (var open : List.of("0.0.0.0/0", "::/0")) {
            var e = assertThrows(RuntimeException.class, () -> cluster(a -> a.endpointAccess(EndpointAccess.PUBLIC_AND_PRIVATE)
                    .publicAccessCidrs(List.of(open))));
            assertTrue(rootMessage(e).contains("publicAccessCidrs: '" + open + "' opens the API to the whole internet"), rootMessage(e));
        }
        var none = assertThrows(RuntimeException.class, () -> cluster(a -> a.endpointAccess(EndpointAccess.PUBLIC_AND_PRIVATE)));
        assertTrue(rootMessage(none).contains("publicAccessCidrs: is empty: a public endpoint needs an explicit allowlist"));
    }

    @Test
    void theDeployerAndTheConfiguredPrincipalsGetAccessEntries() {
        var plan = cluster(a -> a.access(Map.of(
                "platform-admins", new AccessGrant("arn:aws:iam::123456789012:role/platform-admin", AccessLevel.CLUSTER_ADMIN, List.of()),
                "auditors", new AccessGrant("arn:aws:iam::123456789012:role/auditor", AccessLevel.VIEW, List.of("acgs2")))));
        // the session's issuer, from the caller identity (assumed-role/acgs2-deployer/plan)
        var deployer = one(plan, "aws:eks/accessEntry:AccessEntry", "eks-access-deployer");
        assertEquals("arn:aws:iam::123456789012:role/acgs2-deployer", deployer.inputs().get("principalArn"));
        var deployerPolicy = one(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "eks-access-deployer");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", deployerPolicy.inputs().get("policyArn"));
        assertEquals(Map.of("type", "cluster"), deployerPolicy.inputs().get("accessScope"));
        var auditors = one(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "eks-access-auditors");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", auditors.inputs().get("policyArn"));
        assertEquals(Map.of("type", "namespace", "namespaces", List.of("acgs2")), auditors.inputs().get("accessScope"));
        assertEquals("arn:aws:iam::123456789012:role/platform-admin",
                one(plan, "aws:eks/accessEntry:AccessEntry", "eks-access-platform-admins").inputs().get("principalArn"));

        var pinned = cluster(a -> a.deployerRoleArn("arn:aws:iam::123456789012:role/ci-deployer"));
        assertEquals("arn:aws:iam::123456789012:role/ci-deployer",
                one(pinned, "aws:eks/accessEntry:AccessEntry", "eks-access-deployer").inputs().get("principalArn"));
    }

    @Test
    void addOnsArePinnedWithNetworkPolicyOnAndIamThroughPodIdentity() throws Exception {
        var plan = cluster(a -> { });
        var pins = KubernetesVersions.of(KubernetesVersions.DEFAULT).orElseThrow().addons();
        for (var addon : pins.keySet()) {
            var r = one(plan, ADDON, "eks-" + addon);
            assertEquals(addon, r.inputs().get("addonName"));
            assertEquals(pins.get(addon), r.inputs().get("addonVersion"));
            assertEquals("OVERWRITE", r.inputs().get("resolveConflictsOnUpdate"));
        }
        var cni = one(plan, ADDON, "eks-vpc-cni");
        assertEquals("true", JSON.readTree(String.valueOf(cni.inputs().get("configurationValues"))).get("enableNetworkPolicy").asText(),
                "NetworkPolicies are no-ops unless the VPC CNI enforces them");
        var cniIdentity = (List<?>) cni.inputs().get("podIdentityAssociations");
        assertEquals("aws-node", map(cniIdentity.get(0)).get("serviceAccount"));
        var cniRole = one(plan, "aws:iam/role:Role", "eks-vpc-cni");
        var trust = statement(cniRole.inputs().get("assumeRolePolicy"), "pods.eks.amazonaws.com");
        assertEquals("[\"sts:AssumeRole\",\"sts:TagSession\"]", trust.get("Action").toString());
        assertEquals("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", one(plan,
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "eks-vpc-cni-AmazonEKS_CNI_Policy").inputs().get("policyArn"));
        var ebs = one(plan, ADDON, "eks-aws-ebs-csi-driver");
        assertEquals("ebs-csi-controller-sa", map(((List<?>) ebs.inputs().get("podIdentityAssociations")).get(0)).get("serviceAccount"));
        // nodes join after the CNI, the agent and kube-proxy; CoreDNS and the CSI driver wait for nodes
        var nodes = one(plan, NODE_GROUP, "eks-system");
        for (var before : List.of("eks-vpc-cni", "eks-eks-pod-identity-agent", "eks-kube-proxy")) {
            assertTrue(nodes.dependencies().contains(one(plan, ADDON, before).urn()), before);
        }
        assertTrue(one(plan, ADDON, "eks-coredns").dependencies().contains(nodes.urn()));
        assertTrue(ebs.dependencies().contains(nodes.urn()));
    }

    @Test
    void nodesUseAl2023LaunchTemplatesWithImdsv2HopLimitOneAndEncryptedGp3() {
        var plan = cluster(a -> a.nodeGroups(Map.of("system", system(), "gpu", NodeGroupSpec.builder()
                .instanceTypes(List.of("g5.xlarge")).minSize(0).maxSize(4).gpu(true).build())));
        var lt = one(plan, LAUNCH_TEMPLATE, "eks-system-lt");
        assertEquals(Map.of("httpEndpoint", "enabled", "httpPutResponseHopLimit", 1L, "httpTokens", "required"),
                lt.inputs().get("metadataOptions"));
        var ebs = map(map(((List<?>) lt.inputs().get("blockDeviceMappings")).get(0)).get("ebs"));
        assertEquals("gp3", ebs.get("volumeType"));
        assertEquals("true", ebs.get("encrypted"));
        assertEquals(50L, ebs.get("volumeSize"));
        assertTrue(String.valueOf(ebs.get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"));
        assertFalse(lt.inputs().containsKey("iamInstanceProfile"), "managed node groups forbid an instance profile in the template");
        var ebsPolicy = one(plan, "aws:kms/key:Key", "eks-ebs-key").inputs().get("policy");
        for (var sid : List.of("AutoScalingUse", "AutoScalingGrants")) {
            var autoscaling = statement(ebsPolicy, sid);
            // Auto Scaling must use the key or nodes never launch; named by condition, since the role
            // does not exist in a fresh account until the first node group and KMS rejects a missing principal
            assertEquals("*", autoscaling.get("Principal").get("AWS").asText(), sid);
            assertEquals("arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                    autoscaling.get("Condition").get("ArnEquals").get("aws:PrincipalArn").asText(), sid);
            assertEquals("123456789012", autoscaling.get("Condition").get("StringEquals").get("kms:CallerAccount").asText(), sid);
        }
        assertEquals("true", statement(ebsPolicy, "AutoScalingGrants").get("Condition").get("Bool").get("kms:GrantIsForAWSResource").asText());

        var system = one(plan, NODE_GROUP, "eks-system");
        assertEquals("AL2023_x86_64_STANDARD", system.inputs().get("amiType"));
        assertEquals(List.of("subnet-a", "subnet-b", "subnet-c"), system.inputs().get("subnetIds"));
        assertEquals(Map.of("desiredSize", 2L, "maxSize", 4L, "minSize", 2L), system.inputs().get("scalingConfig"));
        assertEquals(Map.of("maxUnavailable", 1L), system.inputs().get("updateConfig"));
        assertEquals(Map.of("acgs2.io/node-role", "system"), system.inputs().get("labels"));
        assertEquals(List.of(), system.ignoreChanges(), "the desired size is read back and kept in the bounds, not ignored");
        assertFalse(system.inputs().containsKey("remoteAccess"), "no SSH");
        assertEquals(KubernetesVersions.DEFAULT, system.inputs().get("version"), "nodes follow the control plane");
        var gpu = one(plan, NODE_GROUP, "eks-gpu");
        assertEquals("AL2023_x86_64_NVIDIA", gpu.inputs().get("amiType"));
        assertEquals(List.of(Map.of("effect", "NO_SCHEDULE", "key", "nvidia.com/gpu", "value", "true")), gpu.inputs().get("taints"));
        var nodeRole = one(plan, "aws:iam/role:Role", "eks-node-role");
        assertEquals("ec2.amazonaws.com", json(nodeRole.inputs().get("assumeRolePolicy")).get("Statement").get(0)
                .get("Principal").get("Service").asText());
        assertTrue(where(plan, r -> r.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment") && r.name().startsWith("eks-node-"))
                .stream().noneMatch(r -> String.valueOf(r.inputs().get("policyArn")).contains("CNI")),
                "the CNI policy is on the aws-node Pod Identity role, not on every node");
    }

    @Test
    void theClusterOwnsAnExecCredentialKubernetesProviderPinnedToACurrentPlugin() throws Exception {
        var plan = cluster(a -> { });
        var provider = one(plan, "pulumi:providers:kubernetes", "eks-k8s");
        assertEquals(one(plan, EksCluster.TYPE, "eks").urn(), provider.parent());
        assertEquals("[secret]", provider.inputs().get("kubeconfig"), "the kubeconfig is a secret");
        assertEquals("true", String.valueOf(provider.inputs().get("enableServerSideApply")));
        var kubeconfig = JSON.readTree(EksCluster.kubeconfig("acgs2-eu-west-1", "https://x.eks.amazonaws.com", "Q0E=", "eu-west-1"));
        var exec = kubeconfig.get("users").get(0).get("user").get("exec");
        assertEquals("client.authentication.k8s.io/v1beta1", exec.get("apiVersion").asText());
        assertEquals("aws", exec.get("command").asText());
        assertEquals(List.of("eks", "get-token", "--cluster-name", "acgs2-eu-west-1", "--region", "eu-west-1", "--output", "json"),
                JSON.convertValue(exec.get("args"), List.class));
        assertEquals("Q0E=", kubeconfig.get("clusters").get(0).get("cluster").get("certificate-authority-data").asText());
    }

    @Test
    void badArgsAreRejectedTogetherNamingEachFieldAndFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> EksClusterArgs.builder()
                .clusterName("bad name!")
                .kubernetesVersion("1.29")
                .logRetentionDays(42)
                .extraLogTypes(List.of("kubelet"))
                .deployerRoleArn("someone")
                .addonVersions(Map.of("vpc-cni", "latest"))
                .build());
        var m = e.getMessage();
        for (var expected : List.of("region: is required", "clusterName: 'bad name!' is not an EKS cluster name",
                "kubernetesVersion: '1.29' is not a supported minor", "vpcId: is required", "subnetIds: is required",
                "facts: is required", "logRetentionDays: '42' is not a CloudWatch Logs retention value",
                "logTypes: 'kubelet' is not a control-plane log type", "deployerRoleArn: 'someone' is not an IAM role ARN",
                "nodeGroups: is empty", "addonVersions.vpc-cni: 'latest' is not an add-on version")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in " + m);
        }
        var groups = NodeGroupSpec.builder().instanceTypes(List.of("huge")).minSize(3).maxSize(2)
                .taints(List.of(new NodeGroupSpec.Taint("k", "v", "NoSchedule"))).problems("nodeGroups.x");
        assertTrue(groups.stream().anyMatch(p -> p.contains("'huge' is not an EC2 instance type")), groups.toString());
        assertTrue(groups.stream().anyMatch(p -> p.contains("3..2 is not a range")), groups.toString());
        assertTrue(groups.stream().anyMatch(p -> p.contains("effect 'NoSchedule' of k is not one of")), groups.toString());
    }

    private static String rootMessage(Throwable t) {
        var m = new StringBuilder();
        for (var x = t; x != null; x = x.getCause()) {
            m.append(x.getMessage()).append('\n');
        }
        return m.toString();
    }

    static List<PlannedResource> of(StackPlan plan, String type) {
        return plan.ofType(type);
    }
}
