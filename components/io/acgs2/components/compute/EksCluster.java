package io.acgs2.components.compute;

import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.AddonPodIdentityAssociationArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.iam.inputs.GetSessionContextArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.EncryptedLogGroup;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;
import io.acgs2.components.kubernetes.KubernetesPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A region's EKS cluster with a secure baseline (terraform-aws-eks v21's defaults and more): private
 * API endpoint, API authentication with access entries only (no creator admin), secrets encrypted
 * with a rotating customer key, api/audit/authenticator logs in a KMS-encrypted log group, standard
 * support only, no self-managed add-ons but pinned managed ones (VPC CNI enforcing NetworkPolicies,
 * IAM through Pod Identity), AL2023 managed node groups on launch templates with IMDSv2 (hop limit 1)
 * and encrypted gp3 volumes, and the cluster's IAM OIDC provider for workloads that use IRSA.
 *
 * <p>The component owns the cluster's Kubernetes provider ({@link #kubernetesProvider}, an exec
 * credential running {@code aws eks get-token}); downstream components take {@link #core}.
 *
 * <p>Upgrades never replace: the version moves the cluster, then the add-ons and node groups, all in
 * place; the cluster is {@code protect}ed (this provider version has no deletion protection field).
 */
public class EksCluster extends ComponentResource {

    public static final String TYPE = "acgs2:compute:EksCluster";
    /** The service accounts the add-ons' Pod Identity roles are for. */
    static final String VPC_CNI_SERVICE_ACCOUNT = "aws-node";
    static final String EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";

    public final Output<String> clusterName;
    public final Output<String> endpoint;
    /** Base64 PEM of the cluster CA. */
    public final Output<String> certificateAuthority;
    public final Output<String> oidcIssuerUrl;
    public final Output<String> oidcProviderArn;
    /** The security group EKS creates for the control plane and nodes. */
    public final Output<String> clusterSecurityGroupId;
    /** The cluster's EBS key (node volumes; the EBS CSI driver may use it for persistent volumes). */
    public final Output<String> ebsKeyArn;
    /** A kubeconfig with an exec credential (aws eks get-token). Secret. */
    public final Output<String> kubeconfig;
    /** The cluster's Kubernetes provider, pinned to {@link KubernetesPlugin#VERSION}. */
    public final com.pulumi.kubernetes.Provider kubernetesProvider;
    /** What downstream components take. */
    public final ClusterCore core;
    /** The cluster resource (for dependsOn). */
    public final Cluster cluster;

    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var facts = args.facts();
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var accountAndPartition = Output.tuple(facts.accountId(), facts.partition());

        // ---- control plane role: only the managed policy EKS needs ----
        var clusterRole = new Role(name + "-cluster-role", RoleArgs.builder()
                .description("EKS control plane of " + args.clusterName())
                // the trust policy the EKS documentation gives (no condition keys: EKS does not document any)
                .assumeRolePolicy(trust("eks.amazonaws.com", List.of("sts:AssumeRole"), null))
                .tags(Tags.name(name + "-cluster-role"))
                .build(), inComponent);
        var clusterPolicy = new RolePolicyAttachment(name + "-cluster-policy", RolePolicyAttachmentArgs.builder()
                .role(clusterRole.name())
                .policyArn(facts.partition().applyValue(p -> managedPolicy(p, "AmazonEKSClusterPolicy")))
                .build(), inComponent);

        // ---- secrets encryption key, usable by the control plane role ----
        var secretsKey = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Encrypts the Kubernetes secrets of " + args.clusterName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(accountAndPartition.applyValue(t -> adminOnlyKeyPolicy(t.t2, t.t1)))
                .tags(Tags.name(name + "-secrets-key"))
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build());
        new Alias(name + "-secrets-key", AliasArgs.builder()
                .name("alias/acgs2/" + args.clusterName() + "/secrets").targetKeyId(secretsKey.keyId()).build(),
                CustomResourceOptions.builder().parent(secretsKey).build());
        var clusterKeyUse = new RolePolicy(name + "-cluster-encryption", RolePolicyArgs.builder()
                .role(clusterRole.id())
                .policy(secretsKey.arn().applyValue(arn -> policy(List.of(Map.of(
                        "Effect", "Allow",
                        "Action", List.of("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"),
                        "Resource", arn)))))
                .build(), inComponent);

        // ---- control-plane logs: created first, so EKS writes into our encrypted group, not its own ----
        var logGroupName = "/aws/eks/" + args.clusterName() + "/cluster";
        var logs = EncryptedLogGroup.builder()
                .keyName(name + "-logs-key")
                .keyDescription("Encrypts the control-plane logs of " + args.clusterName())
                .aliasName("alias/acgs2/" + args.clusterName() + "/logs")
                .logGroupResourceName(name + "-control-plane-logs")
                .logGroupName(logGroupName)
                .logGroupPattern("/aws/eks/" + args.clusterName() + "/*")
                .retentionDays(args.logRetentionDays())
                .facts(facts)
                .parent(this)
                .build();

        var publicEndpoint = args.endpointAccess() == EndpointAccess.PUBLIC_AND_PRIVATE;
        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(args.subnetIds())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(publicEndpoint);
        if (publicEndpoint) {
            vpcConfig.publicAccessCidrs(args.publicAccessCidrs());
        }
        this.cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                .name(args.clusterName())
                .version(args.kubernetesVersion())
                .roleArn(clusterRole.arn())
                .vpcConfig(vpcConfig.build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API") // access entries only: no aws-auth ConfigMap to drift
                        .bootstrapClusterCreatorAdminPermissions(false) // replacement-forcing: fixed from day one
                        .build())
                .bootstrapSelfManagedAddons(false) // replacement-forcing, and the add-ons below are managed
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .resources("secrets")
                        .build())
                .enabledClusterLogTypes(args.logTypes())
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType(args.supportType().apiValue()).build())
                .tags(Tags.name(name + "-cluster"))
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .protect(true)
                .dependsOn(List.of(clusterPolicy, clusterKeyUse, logs.logGroup()))
                .build());
        var clusterRef = CustomResourceOptions.builder().parent(this).dependsOn(cluster).build();

        // ---- IAM OIDC provider, for workloads that still use IRSA ----
        this.oidcIssuerUrl = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        var oidc = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(oidcIssuerUrl)
                .clientIdLists("sts.amazonaws.com")
                .tags(Tags.name(name + "-oidc"))
                .build(), inComponent);

        // ---- who may use the Kubernetes API: the deployer (cluster admin) and the configured grants ----
        // the role behind the current session (an assumed-role session ARN is not a principal EKS accepts)
        var deployer = args.deployerRoleArn().map(Output::of).orElseGet(() -> IamFunctions.getSessionContext(
                GetSessionContextArgs.builder().arn(facts.callerArn()).build(), new InvokeOptions(this, null, null))
                .applyValue(s -> s.issuerArn()));
        var grants = new java.util.LinkedHashMap<String, Output<String>>();
        var levels = new java.util.LinkedHashMap<String, AccessGrant>();
        grants.put("deployer", deployer);
        levels.put("deployer", new AccessGrant("(deployer)", AccessLevel.CLUSTER_ADMIN, List.of()));
        args.access().forEach((key, grant) -> {
            grants.put(key, Output.of(grant.principalArn()));
            levels.put(key, grant);
        });
        var accessDone = new ArrayList<Resource>();
        grants.forEach((key, principal) -> {
            var grant = levels.get(key);
            var entry = new AccessEntry(name + "-access-" + key, AccessEntryArgs.builder()
                    .clusterName(cluster.name())
                    .principalArn(principal)
                    .type("STANDARD")
                    .tags(Tags.name(name + "-access-" + key))
                    .build(), inComponent);
            var scope = AccessPolicyAssociationAccessScopeArgs.builder()
                    .type(grant.namespaces().isEmpty() ? "cluster" : "namespace");
            if (!grant.namespaces().isEmpty()) {
                scope.namespaces(grant.namespaces());
            }
            accessDone.add(new AccessPolicyAssociation(name + "-access-" + key, AccessPolicyAssociationArgs.builder()
                    .clusterName(cluster.name())
                    .principalArn(entry.principalArn())
                    .policyArn(facts.partition().applyValue(grant.level()::policyArn))
                    .accessScope(scope.build())
                    .build(), inComponent));
        });

        // ---- add-ons needed before nodes can join: Pod Identity agent, VPC CNI (network policy on), kube-proxy ----
        var versions = args.addonVersions();
        var podIdentityAgent = addon(name, KubernetesVersions.POD_IDENTITY_AGENT, versions, null, List.of(), clusterRef);
        var cniRole = podIdentityRole(name + "-vpc-cni", "VPC CNI (aws-node) of " + args.clusterName(),
                List.of("AmazonEKS_CNI_Policy"), facts, inComponent);
        var vpcCni = addon(name, KubernetesVersions.VPC_CNI, versions, Json.write(Map.of("enableNetworkPolicy", "true")),
                List.of(AddonPodIdentityAssociationArgs.builder().roleArn(cniRole.arn())
                        .serviceAccount(VPC_CNI_SERVICE_ACCOUNT).build()),
                CustomResourceOptions.builder().parent(this).dependsOn(List.of(cluster, podIdentityAgent)).build());
        var kubeProxy = addon(name, KubernetesVersions.KUBE_PROXY, versions, null, List.of(), clusterRef);

        // ---- node groups ----
        var nodeRole = new Role(name + "-node-role", RoleArgs.builder()
                .description("EKS nodes of " + args.clusterName())
                .assumeRolePolicy(trust("ec2.amazonaws.com", List.of("sts:AssumeRole"), null))
                .tags(Tags.name(name + "-node-role"))
                .build(), inComponent);
        var nodePolicies = new ArrayList<Resource>();
        for (var managed : List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly")) {
            nodePolicies.add(new RolePolicyAttachment(name + "-node-" + managed, RolePolicyAttachmentArgs.builder()
                    .role(nodeRole.name())
                    .policyArn(facts.partition().applyValue(p -> managedPolicy(p, managed)))
                    .build(), inComponent));
        }
        var ebsKey = new Key(name + "-ebs-key", KeyArgs.builder()
                .description("Encrypts the EBS volumes of " + args.clusterName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(accountAndPartition.applyValue(t -> ebsKeyPolicy(t.t2, t.t1)))
                .tags(Tags.name(name + "-ebs-key"))
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build());
        new Alias(name + "-ebs-key", AliasArgs.builder()
                .name("alias/acgs2/" + args.clusterName() + "/ebs").targetKeyId(ebsKey.keyId()).build(),
                CustomResourceOptions.builder().parent(ebsKey).build());

        var beforeNodes = new ArrayList<Resource>(List.of(vpcCni, kubeProxy, podIdentityAgent));
        beforeNodes.addAll(nodePolicies);
        var nodeGroups = new ArrayList<Resource>();
        args.nodeGroups().forEach((group, spec) -> {
            var groupName = name + "-" + group;
            var template = new LaunchTemplate(groupName + "-lt", LaunchTemplateArgs.builder()
                    .description("Nodes of " + args.clusterName() + "/" + group + ": IMDSv2 only, encrypted gp3 root")
                    .updateDefaultVersion(true)
                    .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                            .httpEndpoint("enabled")
                            .httpTokens("required")     // IMDSv2 only
                            .httpPutResponseHopLimit(1) // pods cannot reach IMDS; they use Pod Identity
                            .build())
                    .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                            .deviceName("/dev/xvda") // the AL2023 root volume
                            .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                    .volumeSize(spec.diskSizeGiB())
                                    .volumeType("gp3")
                                    .encrypted("true")
                                    .kmsKeyId(ebsKey.arn())
                                    .deleteOnTermination("true")
                                    .build())
                            .build())
                    .tagSpecifications(
                            LaunchTemplateTagSpecificationArgs.builder().resourceType("instance")
                                    .tags(Tags.name(groupName)).build(),
                            LaunchTemplateTagSpecificationArgs.builder().resourceType("volume")
                                    .tags(Tags.name(groupName)).build())
                    .tags(Tags.name(groupName + "-lt"))
                    .build(), inComponent);
            var taints = spec.taints().stream().map(t -> NodeGroupTaintArgs.builder()
                    .key(t.key()).value(t.value()).effect(t.effect()).build()).toList();
            var nodeGroup = new NodeGroup(groupName, NodeGroupArgs.builder()
                    .clusterName(cluster.name())
                    .version(cluster.version()) // nodes follow the control plane, in place
                    .nodeRoleArn(nodeRole.arn())
                    .subnetIds(args.subnetIds())
                    .amiType(spec.amiType())
                    .capacityType("ON_DEMAND")
                    .instanceTypes(spec.instanceTypes())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .minSize(spec.minSize()).maxSize(spec.maxSize())
                            .desiredSize(LiveNodeGroupSize.desired(args.clusterName(), groupName, spec, new InvokeOptions(this, null, null)))
                            .build())
                    .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(spec.maxUnavailable()).build())
                    .labels(spec.labels())
                    .taints(taints)
                    .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                            .id(template.id())
                            .version(template.latestVersion().applyValue(String::valueOf))
                            .build())
                    .tags(Tags.name(groupName))
                    .build(), CustomResourceOptions.builder()
                    .parent(this)
                    .dependsOn(beforeNodes)
                    // the autoscaler's size is read back and kept (LiveNodeGroupSize), not ignored
                    .build());
            nodeGroups.add(nodeGroup);
            NodeTemplateTags.tag(groupName, nodeGroup, spec);
        });

        // ---- add-ons that need nodes: CoreDNS, the EBS CSI driver (its volumes use the EBS key) ----
        var afterNodes = CustomResourceOptions.builder().parent(this).dependsOn(nodeGroups).build();
        var coredns = addon(name, KubernetesVersions.COREDNS, versions, null, List.of(), afterNodes);
        var ebsRole = podIdentityRole(name + "-ebs-csi", "EBS CSI driver of " + args.clusterName(),
                List.of("service-role/AmazonEBSCSIDriverPolicy"), facts, inComponent);
        new RolePolicy(name + "-ebs-csi-kms", RolePolicyArgs.builder()
                .role(ebsRole.id())
                .policy(ebsKey.arn().applyValue(arn -> policy(List.of(
                        Map.of("Effect", "Allow",
                                "Action", List.of("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"),
                                "Resource", arn,
                                "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))),
                        Map.of("Effect", "Allow",
                                "Action", List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                        "kms:DescribeKey"),
                                "Resource", arn)))))
                .build(), CustomResourceOptions.builder().parent(ebsRole).build());
        var ebsCsi = addon(name, KubernetesVersions.EBS_CSI, versions, null,
                List.of(AddonPodIdentityAssociationArgs.builder().roleArn(ebsRole.arn())
                        .serviceAccount(EBS_CSI_SERVICE_ACCOUNT).build()), afterNodes);

        // ---- outputs and the Kubernetes provider ----
        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.certificateAuthority = cluster.certificateAuthority().applyValue(ca -> ca.data().orElseThrow());
        this.oidcProviderArn = oidc.arn();
        this.clusterSecurityGroupId = cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse(""));
        this.ebsKeyArn = ebsKey.arn();
        this.kubeconfig = Output.tuple(cluster.name(), endpoint, certificateAuthority)
                .applyValue(t -> kubeconfig(t.t1, t.t2, t.t3, args.region())).asSecret();
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                // update ConfigMaps in place: a replaced tenant-residency-config would deny tenant
                // workloads for the moment it does not exist
                .enableConfigMapMutable(true)
                .build(), KubernetesPlugin.pinned(CustomResourceOptions.builder().parent(this).build()));

        var ready = new ArrayList<Resource>(accessDone);
        ready.addAll(nodeGroups);
        ready.add(coredns);
        ready.add(ebsCsi);
        this.core = new ClusterCore(args.region(), clusterName, kubernetesProvider, args.vpcId(), args.vpcCidrs(),
                oidcProviderArn, ready);

        this.registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "certificateAuthority", certificateAuthority,
                "oidcIssuerUrl", oidcIssuerUrl,
                "oidcProviderArn", oidcProviderArn,
                "clusterSecurityGroupId", clusterSecurityGroupId,
                "kubeconfig", kubeconfig));
    }

    private Addon addon(String name, String addon, Map<String, String> versions, String configurationValues,
                        List<AddonPodIdentityAssociationArgs> podIdentity, CustomResourceOptions options) {
        var args = AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addon)
                .addonVersion(versions.get(addon))
                // everything the add-on's config holds is ours: overwrite drift on create and on update
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(Tags.name(name + "-" + addon));
        if (configurationValues != null) {
            args.configurationValues(configurationValues);
        }
        if (!podIdentity.isEmpty()) {
            args.podIdentityAssociations(podIdentity);
        }
        return new Addon(name + "-" + addon, args.build(), options);
    }

    private static Role podIdentityRole(String roleName, String what, List<String> managedPolicies,
                                        io.acgs2.components.common.AwsFacts facts, CustomResourceOptions options) {
        var role = new Role(roleName, RoleArgs.builder()
                .description("Pod Identity role of the " + what)
                .assumeRolePolicy(trust("pods.eks.amazonaws.com", List.of("sts:AssumeRole", "sts:TagSession"), facts.accountId()))
                .tags(Tags.name(roleName))
                .build(), options);
        for (var managed : managedPolicies) {
            var simple = managed.substring(managed.lastIndexOf('/') + 1);
            new RolePolicyAttachment(roleName + "-" + simple, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(facts.partition().applyValue(p -> managedPolicy(p, managed)))
                    .build(), CustomResourceOptions.builder().parent(role).build());
        }
        return role;
    }

    static String managedPolicy(String partition, String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }

    /** A service trust policy; with an account, limited to assumptions on behalf of this account. */
    static Output<String> trust(String service, List<String> actions, Output<String> accountId) {
        if (accountId == null) {
            return Output.of(policy(List.of(Map.of("Effect", "Allow", "Principal", Map.of("Service", service),
                    "Action", actions))));
        }
        return accountId.applyValue(account -> policy(List.of(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", service), "Action", actions,
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account))))));
    }

    static String policy(List<Map<String, Object>> statements) {
        return Json.write(Map.of("Version", "2012-10-17", "Statement", statements));
    }

    static String adminOnlyKeyPolicy(String partition, String accountId) {
        return policy(List.of(Map.of("Sid", "AccountAdministration", "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                "Action", "kms:*", "Resource", "*")));
    }

    /**
     * The EBS key: account admins, and the Auto Scaling service-linked role that launches the nodes
     * (the two statements the EC2 Auto Scaling guide requires). That role exists only once the
     * account's first Auto Scaling group does (here: the first node group, after this key), and KMS
     * rejects a policy whose Principal names a role that does not exist. So the role is matched by
     * {@code aws:PrincipalArn} under a wildcard Principal held to this account, the shape of AWS's own
     * aws/ebs key policy: valid in a fresh account, and no wider than naming the role.
     */
    static String ebsKeyPolicy(String partition, String accountId) {
        var autoscaling = "arn:" + partition + ":iam::" + accountId
                + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
        var onlyAutoScaling = Map.of(
                "StringEquals", Map.of("kms:CallerAccount", accountId),
                "ArnEquals", Map.of("aws:PrincipalArn", autoscaling));
        var grantsForResources = Map.of(
                "StringEquals", Map.of("kms:CallerAccount", accountId),
                "ArnEquals", Map.of("aws:PrincipalArn", autoscaling),
                "Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        return policy(List.of(
                Map.of("Sid", "AccountAdministration", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                        "Action", "kms:*", "Resource", "*"),
                Map.of("Sid", "AutoScalingUse", "Effect", "Allow", "Principal", Map.of("AWS", "*"),
                        "Action", List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                "kms:DescribeKey"),
                        "Resource", "*", "Condition", onlyAutoScaling),
                Map.of("Sid", "AutoScalingGrants", "Effect", "Allow", "Principal", Map.of("AWS", "*"),
                        "Action", "kms:CreateGrant", "Resource", "*", "Condition", grantsForResources)));
    }

    /** A kubeconfig whose credential is `aws eks get-token` (no long-lived token anywhere). */
    static String kubeconfig(String cluster, String endpoint, String caData, String region) {
        var user = Map.of("exec", Map.of(
                "apiVersion", "client.authentication.k8s.io/v1beta1",
                "command", "aws",
                "args", List.of("eks", "get-token", "--cluster-name", cluster, "--region", region, "--output", "json"),
                "interactiveMode", "Never"));
        return Json.write(Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", cluster, "cluster", Map.of("server", endpoint,
                        "certificate-authority-data", caData))),
                "contexts", List.of(Map.of("name", cluster, "context", Map.of("cluster", cluster, "user", cluster))),
                "current-context", cluster,
                "users", List.of(Map.of("name", cluster, "user", user))));
    }
}
