package io.acgs2.stacks.plan;

import com.pulumi.test.Mocks;
import io.acgs2.stacks.config.RegionSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cloud as the offline plan imagines it: every resource gets the outputs AWS would give it
 * (ids with the real prefixes, ARNs in the resource's region, auto-generated physical names), and
 * data sources answer as AWS would. Values are derived from a hash of (stack, type, name), so a
 * plan is the same on every run and a resource keeps its id when others change.
 */
public final class PlanMocks implements Mocks {

    /** The account every mocked ARN lives in (AWS's documentation account). */
    public static final String ACCOUNT = "123456789012";

    private final String stack;
    private final String defaultRegion;
    private final Map<String, StackPlan> earlier;
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

    public PlanMocks(String stack, String defaultRegion, Map<String, StackPlan> earlier) {
        this.stack = stack;
        this.defaultRegion = defaultRegion;
        this.earlier = earlier;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            return CompletableFuture.completedFuture(stackReference(args, state));
        }
        var region = regionOf(args.provider);
        if (args.id != null && !args.id.isEmpty() && args.type.equals("kubernetes:core/v1:Secret")) {
            // a read of a service-account token Secret: the token controller has filled it
            var token = java.util.Base64.getEncoder().encodeToString(("plan-token-" + hash(args.name).substring(0, 32))
                    .getBytes(StandardCharsets.UTF_8));
            state.put("data", com.pulumi.core.Output.ofSecret(Map.of("token", token, "ca.crt", "LS0tLS1CRUdJTi...")));
            state.put("type", "kubernetes.io/service-account-token");
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.id), state));
        }
        var id = synthesize(args.type, args.name, region, state);
        if (args.type.startsWith("pulumi:providers:")) {
            var r = args.inputs.get("region");
            providerRegions.put(id, r == null ? defaultRegion : String.valueOf(r));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        var region = regionOf(args.provider);
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                var letters = List.of("a", "b", "c", "d", "e", "f");
                yield Map.of("id", region, "names", letters.stream().map(l -> region + l).toList(),
                        "zoneIds", List.of(1, 2, 3, 4, 5, 6).stream().map(i -> shortRegion(region) + "-az" + i).toList(),
                        "groupNames", List.of(region), "state", "available");
            }
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", ACCOUNT, "accountId", ACCOUNT,
                    "arn", "arn:" + partition(region) + ":sts::" + ACCOUNT + ":assumed-role/acgs2-deployer/plan",
                    "userId", "AROAPLANOFFLINE:plan");
            case "aws:iam/getSessionContext:getSessionContext" -> {
                // arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION -> arn:aws:iam::ACCOUNT:role/NAME
                var arn = String.valueOf(args.args.get("arn"));
                var m = java.util.regex.Pattern.compile("^arn:([^:]+):sts::(\\d+):assumed-role/([^/]+)/(.+)$").matcher(arn);
                yield m.matches()
                        ? Map.of("id", arn, "arn", arn, "issuerArn", "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3),
                        "issuerName", m.group(3), "sessionName", m.group(4), "issuerId", "AROAPLANOFFLINE")
                        : Map.of("id", arn, "arn", arn, "issuerArn", arn, "issuerName", "", "sessionName", "", "issuerId", "");
            }
            case "aws:index/getPartition:getPartition" -> Map.of("id", partition(region), "partition", partition(region),
                    "dnsSuffix", region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com",
                    "reverseDnsPrefix", region.startsWith("cn-") ? "cn.com.amazonaws" : "com.amazonaws");
            // offline there is no live cluster: every node group takes its configured size
            case "aws:eks/getNodeGroups:getNodeGroups" -> Map.of("id", String.valueOf(args.args.get("clusterName")),
                    "clusterName", String.valueOf(args.args.get("clusterName")), "names", List.of());
            // the canonical hosted zone of application load balancers (terraform-provider-aws elbv2 hosted_zone_id_data_source.go)
            case "aws:lb/getHostedZoneId:getHostedZoneId" -> Map.of("id",
                    ALB_ZONES.getOrDefault(String.valueOf(args.args.getOrDefault("region", region)), "Z0ALBZONE" + shortRegion(region).toUpperCase()),
                    "region", String.valueOf(args.args.getOrDefault("region", region)), "loadBalancerType", "application");
            case "aws:index/getRegion:getRegion" -> Map.of("id", region, "name", region,
                    "description", region, "endpoint", "ec2." + region + ".amazonaws.com");
            default -> Map.of();
        });
    }

    private ResourceResult stackReference(ResourceArgs args, Map<String, Object> state) {
        var fullName = String.valueOf(args.inputs.getOrDefault("name", args.name));
        var peer = fullName.substring(fullName.lastIndexOf('/') + 1);
        var plan = earlier.get(peer);
        if (plan == null) {
            throw new IllegalStateException("stack reference " + fullName + ": stack " + peer
                    + " has not been planned; plan it first (it joined the fleet earlier)");
        }
        state.put("name", fullName);
        state.put("outputs", plan.rawOutputs());
        state.put("secretOutputNames", List.copyOf(plan.secretOutputNames()));
        return ResourceResult.of(Optional.of(fullName), state);
    }

    private String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return defaultRegion;
        }
        var id = providerRef.substring(providerRef.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(id, defaultRegion);
    }

    /** Fills AWS-computed outputs into {@code state}; returns the resource id. */
    private String synthesize(String type, String name, String region, Map<String, Object> state) {
        var hex = hash(type + "|" + name);
        var p = partition(region);
        var arnBase = "arn:" + p + ":";
        switch (type) {
            case "aws:ec2/vpc:Vpc" -> {
                var id = "vpc-" + hex.substring(0, 17);
                state.put("arn", arnBase + "ec2:" + region + ":" + ACCOUNT + ":vpc/" + id);
                state.put("defaultSecurityGroupId", "sg-" + hash(name + "sg").substring(0, 17));
                state.put("mainRouteTableId", "rtb-" + hash(name + "rtb").substring(0, 17));
                state.put("defaultNetworkAclId", "acl-" + hash(name + "acl").substring(0, 17));
                state.put("ownerId", ACCOUNT);
                if (Boolean.TRUE.equals(state.get("assignGeneratedIpv6CidrBlock"))) {
                    // an Amazon-provided /56
                    state.put("ipv6CidrBlock", "2600:1f18:" + hex.substring(0, 4) + ":" + hex.substring(4, 6) + "00::/56");
                    state.put("ipv6AssociationId", "vpc-cidr-assoc-" + hex.substring(6, 23));
                }
                return id;
            }
            case "aws:kms/key:Key" -> {
                var id = uuid(hex);
                state.put("keyId", id);
                state.put("arn", arnBase + "kms:" + region + ":" + ACCOUNT + ":key/" + id);
                return id;
            }
            case "aws:kms/alias:Alias" -> {
                var aliasName = String.valueOf(state.getOrDefault("name", "alias/" + name));
                state.put("arn", arnBase + "kms:" + region + ":" + ACCOUNT + ":" + aliasName);
                return aliasName;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                var groupName = physicalName(state, name, hex);
                state.put("arn", arnBase + "logs:" + region + ":" + ACCOUNT + ":log-group:" + groupName);
                return groupName;
            }
            case "aws:iam/role:Role" -> {
                var roleName = physicalName(state, name, hex);
                state.put("arn", arnBase + "iam::" + ACCOUNT + ":role/" + roleName);
                state.put("uniqueId", "AROA" + hex.substring(0, 17).toUpperCase());
                return roleName;
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                var policyName = physicalName(state, name, hex);
                return state.getOrDefault("role", "role") + ":" + policyName;
            }
            case "aws:ssm/parameter:Parameter" -> {
                var paramName = physicalName(state, name, hex);
                state.put("arn", arnBase + "ssm:" + region + ":" + ACCOUNT + ":parameter" + paramName);
                state.put("version", 1);
                return paramName;
            }
            case "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter" -> {
                var attachment = String.valueOf(state.get("transitGatewayAttachmentId"));
                state.put("transitGatewayId", "tgw-" + hash(name + "tgw").substring(0, 17));
                state.put("peerRegion", region);
                return attachment;
            }
            case "aws:eks/cluster:Cluster" -> {
                var clusterName = physicalName(state, name, hex);
                var oidcId = hex.substring(0, 32).toUpperCase();
                state.put("arn", arnBase + "eks:" + region + ":" + ACCOUNT + ":cluster/" + clusterName);
                state.put("endpoint", "https://" + oidcId + ".gr7." + region + ".eks.amazonaws.com");
                // a CA as EKS returns it: base64 of a PEM certificate
                state.put("certificateAuthority", Map.of("data", java.util.Base64.getEncoder().encodeToString(
                        ("-----BEGIN CERTIFICATE-----\nMIIplan" + hex.substring(0, 16) + "\n-----END CERTIFICATE-----\n")
                                .getBytes(StandardCharsets.UTF_8))));
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of("issuer",
                        "https://oidc.eks." + region + ".amazonaws.com/id/" + oidcId)))));
                var vpcConfig = state.get("vpcConfig") instanceof Map<?, ?> v ? new HashMap<Object, Object>(v) : new HashMap<>();
                vpcConfig.put("clusterSecurityGroupId", "sg-" + hash(name + "cluster-sg").substring(0, 17));
                state.put("vpcConfig", vpcConfig);
                state.put("platformVersion", "eks.1");
                state.put("status", "ACTIVE");
                return clusterName;
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> {
                var url = String.valueOf(state.get("url")).replaceFirst("^https://", "");
                var arn = arnBase + "iam::" + ACCOUNT + ":oidc-provider/" + url;
                state.put("arn", arn);
                return arn;
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                var id = "lt-" + hex.substring(0, 17);
                state.put("arn", arnBase + "ec2:" + region + ":" + ACCOUNT + ":launch-template/" + id);
                state.put("latestVersion", 1);
                state.put("defaultVersion", 1);
                return id;
            }
            case "aws:eks/nodeGroup:NodeGroup" -> {
                // EKS names the group's Auto Scaling group eks-<group>-<uuid>
                var asg = "eks-" + name + "-" + hex.substring(0, 8) + "-" + hex.substring(8, 12);
                state.put("resources", List.of(Map.of("autoscalingGroups", List.of(Map.of("name", asg)),
                        "remoteAccessSecurityGroupId", "")));
                state.put("arn", arnBase + "eks:" + region + ":" + ACCOUNT + ":nodegroup/" + name);
                return name;
            }
            case "aws:ec2/eip:Eip" -> {
                var last = Integer.parseInt(hex.substring(0, 2), 16);
                state.put("publicIp", "203.0.113." + last);
                state.put("allocationId", "eipalloc-" + hex.substring(0, 17));
                return "eipalloc-" + hex.substring(0, 17);
            }
            case "aws:rds/globalCluster:GlobalCluster" -> {
                var id = String.valueOf(state.getOrDefault("globalClusterIdentifier", name + "-" + hex.substring(0, 7)));
                state.put("globalClusterIdentifier", id);
                // global clusters are not regional: no region in the ARN
                state.put("arn", arnBase + "rds::" + ACCOUNT + ":global-cluster:" + id);
                state.put("globalClusterResourceId", "cluster-" + hex.substring(0, 26).toUpperCase());
                state.put("endpoint", id + ".global-" + hex.substring(26, 36) + ".global.rds.amazonaws.com");
                state.putIfAbsent("engineVersionActual", state.getOrDefault("engineVersion", ""));
                return id;
            }
            case "aws:rds/cluster:Cluster" -> {
                var id = String.valueOf(state.getOrDefault("clusterIdentifier", name + "-" + hex.substring(0, 7)));
                state.put("clusterIdentifier", id);
                var dns = hash(ACCOUNT + "|" + region).substring(0, 12);
                state.put("arn", arnBase + "rds:" + region + ":" + ACCOUNT + ":cluster:" + id);
                state.put("clusterResourceId", "cluster-" + hex.substring(0, 26).toUpperCase());
                state.put("endpoint", id + ".cluster-" + dns + "." + region + ".rds.amazonaws.com");
                state.put("readerEndpoint", id + ".cluster-ro-" + dns + "." + region + ".rds.amazonaws.com");
                state.put("hostedZoneId", "Z" + hex.substring(0, 12).toUpperCase());
                state.putIfAbsent("port", 5432);
                state.putIfAbsent("engineVersionActual", state.getOrDefault("engineVersion", ""));
                return id;
            }
            case "aws:rds/clusterInstance:ClusterInstance" -> {
                var id = String.valueOf(state.getOrDefault("identifier", name + "-" + hex.substring(0, 7)));
                var dns = hash(ACCOUNT + "|" + region).substring(0, 12);
                state.put("identifier", id);
                state.put("arn", arnBase + "rds:" + region + ":" + ACCOUNT + ":db:" + id);
                state.put("endpoint", id + "." + dns + "." + region + ".rds.amazonaws.com");
                state.put("dbiResourceId", "db-" + hex.substring(0, 26).toUpperCase());
                state.putIfAbsent("port", 5432);
                return id;
            }
            case "aws:rds/subnetGroup:SubnetGroup" -> {
                var groupName = physicalName(state, name, hex);
                state.put("arn", arnBase + "rds:" + region + ":" + ACCOUNT + ":subgrp:" + groupName);
                return groupName;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                var id = String.valueOf(state.getOrDefault("replicationGroupId", name + "-" + hex.substring(0, 7)));
                var dns = hash(ACCOUNT + "|" + region).substring(0, 6);
                state.put("replicationGroupId", id);
                state.put("arn", arnBase + "elasticache:" + region + ":" + ACCOUNT + ":replicationgroup:" + id);
                state.put("primaryEndpointAddress", "master." + id + "." + dns + "." + shortRegion(region) + ".cache.amazonaws.com");
                state.put("readerEndpointAddress", "replica." + id + "." + dns + "." + shortRegion(region) + ".cache.amazonaws.com");
                state.putIfAbsent("port", 6379);
                return id;
            }
            case "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup" -> {
                // AWS prefixes the suffix with five letters of the creating region (e.g. "dsdfu" for
                // us-west-1, per the API reference); the real table is not mirrored here: derive them
                var letters = new StringBuilder();
                var h = hash("grg-prefix|" + region);
                for (int i = 0; i < 5; i++) {
                    letters.append((char) ('a' + Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) % 26));
                }
                var id = letters + "-" + state.getOrDefault("globalReplicationGroupIdSuffix", name);
                state.put("globalReplicationGroupId", id);
                // global datastores are not regional: no region in the ARN
                state.put("arn", arnBase + "elasticache::" + ACCOUNT + ":globalreplicationgroup:" + id);
                return id;
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                // S3 names are global and given by the program; the id is the name, the ARN has no region or account
                var bucketName = String.valueOf(state.getOrDefault("bucket", name + "-" + hex.substring(0, 7)));
                state.put("bucket", bucketName);
                state.put("arn", arnBase + "s3:::" + bucketName);
                state.put("region", region);
                state.put("bucketDomainName", bucketName + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", bucketName + ".s3." + region + ".amazonaws.com");
                return bucketName;
            }
            case "kubernetes:core/v1:Service" -> {
                // a LoadBalancer Service is awaited until the AWS Load Balancer Controller gives it its NLB
                var spec = state.get("spec") instanceof Map<?, ?> m ? m : Map.of();
                if ("LoadBalancer".equals(spec.get("type"))) {
                    state.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("hostname",
                            "k8s-" + hex.substring(0, 16) + ".elb." + region + ".amazonaws.com")))));
                }
                return kubernetesId(state, name);
            }
            case "aws:sns/topic:Topic" -> {
                var topicName = physicalName(state, name, hex);
                var arn = arnBase + "sns:" + region + ":" + ACCOUNT + ":" + topicName;
                state.put("arn", arn);
                return arn;
            }
            case "aws:backup/vault:Vault" -> {
                var vaultName = physicalName(state, name, hex);
                var arn = arnBase + "backup:" + region + ":" + ACCOUNT + ":backup-vault:" + vaultName;
                state.put("arn", arn);
                return vaultName;
            }
            case "aws:backup/plan:Plan" -> {
                var id = uuid(hex);
                state.put("arn", arnBase + "backup:" + region + ":" + ACCOUNT + ":backup-plan:" + id);
                state.put("version", hex.substring(0, 32));
                return id;
            }
            case "aws:secretsmanager/secret:Secret" -> {
                var secretName = physicalName(state, name, hex);
                // Secrets Manager appends six random characters to the name in the ARN
                var arn = arnBase + "secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + secretName + "-" + hex.substring(0, 6);
                state.put("arn", arn);
                return arn;
            }
            case "aws:secretsmanager/secretVersion:SecretVersion" -> {
                var versionId = uuid(hex);
                state.put("versionId", versionId);
                state.put("arn", String.valueOf(state.get("secretId")));
                return state.get("secretId") + "|" + versionId;
            }
            case "aws:acm/certificate:Certificate" -> {
                var id = uuid(hex);
                var arn = arnBase + "acm:" + region + ":" + ACCOUNT + ":certificate/" + id;
                state.put("arn", arn);
                state.put("status", "PENDING_VALIDATION");
                var names = new java.util.ArrayList<String>();
                names.add(String.valueOf(state.get("domainName")));
                if (state.get("subjectAlternativeNames") instanceof List<?> sans) {
                    sans.forEach(n -> names.add(String.valueOf(n)));
                }
                // ACM asks for the same CNAME for a name in every region of the account: derive it from the name alone
                state.put("domainValidationOptions", names.stream().map(n -> {
                    var token = digest(ACCOUNT + "|acm|" + n);
                    return Map.of("domainName", n, "resourceRecordName", "_" + token.substring(0, 32) + "." + n + ".",
                            "resourceRecordType", "CNAME",
                            "resourceRecordValue", "_" + token.substring(32, 64) + ".xlfgrmvvlj.acm-validations.aws.");
                }).toList());
                return arn;
            }
            case "aws:route53/zone:Zone" -> {
                var id = "Z" + hex.substring(0, 20).toUpperCase();
                state.put("zoneId", id);
                state.put("arn", arnBase + "route53:::hostedzone/" + id);
                state.put("nameServers", List.of("ns-1." + hex.substring(0, 4) + ".awsdns-01.org", "ns-2." + hex.substring(4, 8)
                        + ".awsdns-02.co.uk", "ns-3." + hex.substring(8, 12) + ".awsdns-03.com", "ns-4." + hex.substring(12, 16) + ".awsdns-04.net"));
                return id;
            }
            case "aws:route53/healthCheck:HealthCheck" -> {
                var id = uuid(hex);
                state.put("arn", arnBase + "route53:::healthcheck/" + id);
                return id;
            }
            case "aws:route53/record:Record" -> {
                var recordName = String.valueOf(state.getOrDefault("name", name));
                state.put("fqdn", recordName);
                var setId = state.get("setIdentifier");
                return state.get("zoneId") + "_" + recordName + "_" + state.get("type") + (setId == null ? "" : "_" + setId);
            }
            case "aws:wafv2/webAcl:WebAcl" -> {
                var id = uuid(hex);
                state.put("arn", arnBase + "wafv2:" + region + ":" + ACCOUNT + ":regional/webacl/" + state.getOrDefault("name", name) + "/" + id);
                state.put("capacity", 927);
                return id;
            }
            case "kubernetes:networking.k8s.io/v1:Ingress" -> {
                // the Load Balancer Controller fills the status with the ALB's name: <name>-<number>.<region>.elb.amazonaws.com
                @SuppressWarnings("unchecked")
                var annotations = state.get("metadata") instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a
                        ? (Map<String, Object>) a : Map.<String, Object>of();
                var lbName = String.valueOf(annotations.getOrDefault("alb.ingress.kubernetes.io/load-balancer-name", "k8s-" + hex.substring(0, 8)));
                var number = new java.math.BigInteger(hex.substring(0, 9), 16).mod(java.math.BigInteger.TEN.pow(10));
                state.put("status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of(
                        "hostname", lbName + "-" + number + "." + region + ".elb.amazonaws.com")))));
                return kubernetesId(state, name);
            }
            case "aws:cloudformation/stack:Stack" -> {
                // the stack id is its ARN, with a generated id after the name
                var stackName = String.valueOf(state.getOrDefault("name", name));
                state.put("outputs", Map.of());
                return arnBase + "cloudformation:" + region + ":" + ACCOUNT + ":stack/" + stackName + "/" + uuid(hex);
            }
            case "command:local:Command" -> {
                // offline nothing runs: the commands print nothing
                state.put("stdout", "");
                state.put("stderr", "");
                return hex.substring(0, 20);
            }
            case "random:index/randomPassword:RandomPassword" -> {
                // the provider's id is "none"; the engine applies additionalSecretOutputs, the mocks
                // do not: return the generated values as secrets, as the engine would show them
                var length = state.get("length") instanceof Number n ? n.intValue() : 16;
                var alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
                var sb = new StringBuilder();
                var bytes = (hash("password|" + name) + hash("password2|" + name)).toCharArray();
                for (int i = 0; i < length; i++) {
                    sb.append(alphabet.charAt(bytes[i % bytes.length] * 31 % alphabet.length()));
                }
                state.put("result", com.pulumi.core.Output.ofSecret(sb.toString()));
                state.put("bcryptHash", com.pulumi.core.Output.ofSecret("$2a$10$" + hex.substring(0, 53)));
                return "none";
            }
            case "tls:index/privateKey:PrivateKey" -> {
                // as for random: the private-key outputs come back as secrets; the id is the provider's
                // (a SHA-1 of the public key); PEM labels as the provider writes them per algorithm
                var algorithm = String.valueOf(state.getOrDefault("algorithm", "RSA"));
                var label = switch (algorithm) {
                    case "RSA" -> "RSA PRIVATE KEY";
                    case "ECDSA" -> "EC PRIVATE KEY";
                    default -> "PRIVATE KEY";
                };
                var key = hash("private-key|" + name);
                state.putIfAbsent("ecdsaCurve", "P224");
                state.putIfAbsent("rsaBits", 2048);
                state.put("privateKeyPem", com.pulumi.core.Output.ofSecret(pem(label, key)));
                state.put("privateKeyPemPkcs8", com.pulumi.core.Output.ofSecret(pem("PRIVATE KEY", key)));
                state.put("privateKeyOpenssh", com.pulumi.core.Output.ofSecret(pem("OPENSSH PRIVATE KEY", key)));
                state.put("publicKeyPem", pem("PUBLIC KEY", hex));
                state.put("publicKeyOpenssh", (algorithm.equals("RSA") ? "ssh-rsa " : algorithm.equals("ECDSA")
                        ? "ecdsa-sha2-nistp256 " : "ssh-ed25519 ") + "AAAA" + hex + "\n");
                state.put("publicKeyFingerprintMd5", hex.substring(0, 32).replaceAll("(..)(?!$)", "$1:"));
                state.put("publicKeyFingerprintSha256", "SHA256:" + java.util.Base64.getEncoder().withoutPadding()
                        .encodeToString(hex.substring(0, 32).getBytes(StandardCharsets.UTF_8)));
                return hex.substring(0, 40);
            }
            case "tls:index/selfSignedCert:SelfSignedCert", "tls:index/locallySignedCert:LocallySignedCert",
                 "tls:index/certRequest:CertRequest" -> {
                // the signing key's algorithm, from its PEM label (ED25519 keys are PKCS#8: "PRIVATE KEY")
                var keyPem = String.valueOf(state.get(type.contains("locally") ? "caPrivateKeyPem" : "privateKeyPem"));
                var keyAlgorithm = keyPem.contains("BEGIN EC ") ? "ECDSA" : keyPem.contains("BEGIN PRIVATE KEY") ? "ED25519" : "RSA";
                // inputs come back as outputs, but the mocks lose their secrecy: the engine would keep it
                for (var secret : List.of("privateKeyPem", "caPrivateKeyPem")) {
                    state.computeIfPresent(secret, (k, v) -> com.pulumi.core.Output.ofSecret(v));
                }
                if (type.equals("tls:index/certRequest:CertRequest")) {
                    state.put("certRequestPem", pem("CERTIFICATE REQUEST", hex));
                    state.put("keyAlgorithm", keyAlgorithm);
                    return hex.substring(0, 40);
                }
                // a fixed issue time keeps the plan the same on every run; the serial number is the id
                var start = java.time.Instant.parse("2026-01-01T00:00:00Z");
                var hours = state.get("validityPeriodHours") instanceof Number n ? n.longValue() : 0L;
                state.put("certPem", pem("CERTIFICATE", hex));
                state.put(type.contains("locally") ? "caKeyAlgorithm" : "keyAlgorithm", keyAlgorithm);
                state.put("validityStartTime", start.toString());
                state.put("validityEndTime", start.plus(java.time.Duration.ofHours(hours)).toString());
                state.put("readyForRenewal", false);
                state.putIfAbsent("earlyRenewalHours", 0);
                state.putIfAbsent("isCaCertificate", false);
                state.putIfAbsent("setSubjectKeyId", false);
                return new java.math.BigInteger(hex.substring(0, 32), 16).toString();
            }
            default -> {
                if (type.startsWith("pulumi:providers:")) {
                    return uuid(hex);
                }
                if (type.startsWith("kubernetes:")) {
                    return kubernetesId(state, name);
                }
                var prefix = ID_PREFIXES.getOrDefault(type, "res-");
                var id = prefix + hex.substring(0, 17);
                var service = type.substring(type.indexOf(':') + 1, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                if (service.startsWith("ec2")) {
                    service = "ec2";
                }
                state.putIfAbsent("arn", arnBase + service + ":" + region + ":" + ACCOUNT + ":"
                        + type.substring(type.lastIndexOf(':') + 1).toLowerCase() + "/" + id);
                return id;
            }
        }
    }

    /** Kubernetes objects: the provider's id is [namespace/]name, from metadata (or the release name). */
    @SuppressWarnings("unchecked")
    private static String kubernetesId(Map<String, Object> state, String name) {
        var metadata = state.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        var objectName = String.valueOf(metadata.getOrDefault("name", state.getOrDefault("name", name)));
        var namespace = metadata.getOrDefault("namespace", state.get("namespace"));
        return namespace == null ? objectName : namespace + "/" + objectName;
    }

    static final Map<String, String> ALB_ZONES = Map.of("us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2",
            "us-west-1", "Z368ELLRRE2KJ0", "us-west-2", "Z1H1FL5HABSF5", "eu-west-1", "Z32O12XQLNTSW2",
            "eu-west-2", "ZHURV8PSTC4K8", "eu-west-3", "Z3Q77PNBQS71R4", "eu-central-1", "Z215JYRZR1TBD5",
            "eu-north-1", "Z23TAZ6LKFMNIO");

    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/route:Route", "r-rtb-"),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr-"),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "sgr-"),
            Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
            Map.entry("aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation", "vpc-cidr-assoc-"),
            Map.entry("aws:ec2transitgateway/transitGateway:TransitGateway", "tgw-"),
            Map.entry("aws:ec2transitgateway/routeTable:RouteTable", "tgw-rtb-"),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "tgw-attach-"),
            Map.entry("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "tgw-attach-"),
            Map.entry("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation", "tgw-rtb-assoc-"),
            Map.entry("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation", "tgw-rtb-prop-"),
            Map.entry("aws:ec2transitgateway/route:Route", "tgw-route-"));

    /** What AWS auto-naming would produce when the program leaves the physical name to Pulumi. */
    private static String physicalName(Map<String, Object> state, String name, String hex) {
        var given = state.get("name");
        if (given != null && !String.valueOf(given).isEmpty()) {
            return String.valueOf(given);
        }
        var generated = name + "-" + hex.substring(0, 7);
        state.put("name", generated);
        return generated;
    }

    static String partition(String region) {
        return RegionSpec.partitionOf(region);
    }

    /** us-east-1 becomes use1, as AWS zone ids do. */
    static String shortRegion(String region) {
        var parts = region.split("-");
        var sb = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            sb.append(i == 0 ? parts[i] : parts[i].substring(0, 1));
        }
        return sb.append(parts[parts.length - 1]).toString();
    }

    /** A hash that does not depend on the stack (values AWS derives from the account alone). */
    private static String digest(String text) {
        try {
            var d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            var sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((stack + "|" + text).getBytes(StandardCharsets.UTF_8));
            var sb = new StringBuilder();
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM block as the tls provider writes it (with the trailing newline), its body derived from {@code hex}. */
    private static String pem(String label, String hex) {
        var body = "MII" + java.util.Base64.getEncoder().encodeToString((hex + hex).getBytes(StandardCharsets.UTF_8));
        return "-----BEGIN " + label + "-----\n" + String.join("\n", body.split("(?<=\\G.{64})"))
                + "\n-----END " + label + "-----\n";
    }

    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20, 32);
    }

}
