package io.acgs2.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acgs2.stacks.plan.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing deployed moves: the plan of the shipped stacks is compared with committed snapshots of
 * their plan as released (src/test/resources/fixtures/shipped-plan-v*.json: v1 the network, v2 with
 * the compute and data layers). Every resource in each is still planned under the same URN with the
 * same inputs (tags aside), parent, provider, protection, ignored changes and dependencies. Later
 * layers may add resources; none may move or change one. A release that deploys adds the next vN.
 */
class NothingMovesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPARED = List.of("type", "name", "parent", "provider", "inputs", "protect",
            "retainOnDelete", "ignoreChanges", "custom", "read");

    /**
     * Changes to deployed resources that update them in place (never a replacement-forcing input),
     * each with why it is needed. A listed path must really differ from the fixture (the table
     * cannot go stale) and is the only thing about the resource allowed to differ.
     *
     * @param urnSuffix the end of the resource's URN (every stack's copy matches), a whole URN (that one only), or a
     *                  part that starts with "-" or ends with "::" (every URN containing it)
     * @param pointer   a JSON pointer into the snapshot's resource (e.g. /inputs/metadata/labels/x)
     */
    record InPlace(String urnSuffix, String pointer, String why) {
    }

    static final String US_EAST_1_CACHE = "urn:pulumi:us-east-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:CacheGlobalDatastore"
            + "$aws:elasticache/replicationGroup:ReplicationGroup::";
    static final String PRIMARY_WHY = "in a global datastore the owner primary's version, node type and parameter group are "
            + "the datastore's (a resource option; a secondary sets none of them)";
    static final String PARAMETERS_WHY = "each cluster gets its own parameter group (DDL, slow statements without bind values, "
            + "connections, TLS only): ModifyDBCluster, in place; all dynamic parameters, no reboot";
    static final String MONITORING_WHY = "Enhanced Monitoring on every instance, with its role: ModifyDBInstance, in place";
    static final String LOG_GROUP_WHY = "a retained log group under its fixed name blocks the stack's next create "
            + "(ResourceAlreadyExistsException): protected now, deleted only after a deliberate unprotect (resource options)";
    static final String SECRET_WHY = "a secret scheduled for deletion blocks a new one of its name for the whole window: "
            + "protected, and deleted at once only when that is deliberate (recovery window is a delete-time parameter)";

    static final String IPV6_WHY = "a dualstack front door (issue 17): the VPC gets an Amazon-provided /56 (AssociateVpcCidrBlock) and each "
            + "public subnet a /64 of it (AssociateSubnetCidrBlock; ForceNew only when assign_ipv6_address_on_creation was on, "
            + "terraform-provider-aws vpc_subnet.go): in place, nothing gets an address unless it asks";
    static final String ROTATION_WHY = "the master password is Secrets Manager rotation's after create (issue 16): the cluster "
            + "ignores it and the secret's first version is never set back (resource options; nothing is sent to AWS)";

    static final List<InPlace> IN_PLACE = List.of(
            new InPlace("kubernetes:core/v1:Namespace::acgs2-baseline-ns-istio", "/inputs/metadata/labels/topology.istio.io~1network",
                    "istiod reads the network label from its namespace: set where the namespace is made (a label is "
                            + "mutable) instead of by a patch object of a kind no API server has (issue 16)"),
            new InPlace("aws:eks/cluster:Cluster::acgs2-eks-cluster", "/inputs/enabledClusterLogTypes",
                    "all five control-plane logs (CIS EKS 2.1.1): UpdateClusterConfig changes logging in place"),
            new InPlace("aws:kms/key:Key::acgs2-eks-ebs-key", "/inputs/policy",
                    "the Auto Scaling role is matched by condition, not named as a principal, so the policy is valid in a "
                            + "fresh account (PutKeyPolicy, in place)"),
            new InPlace("aws:iam/rolePolicy:RolePolicy::acgs2-baseline-lbc", "/inputs/policy",
                    "the Load Balancer Controller keeps only what internal NLBs need: WAF, Shield, Cognito, COIP, IPAM, "
                            + "certificates and ALB rules dropped (PutRolePolicy, in place)"),
            new InPlace("kubernetes:helm.sh/v3:Release::acgs2-baseline-lbc", "/inputs/values",
                    "the controller runs for Services of type LoadBalancer only, without an Ingress class (helm upgrade)"),
            // log groups with fixed names: protected instead of retained, so a destroyed stack can be created again
            new InPlace("aws:cloudwatch/logGroup:LogGroup::acgs2-eks-control-plane-logs", "/retainOnDelete", LOG_GROUP_WHY),
            new InPlace("aws:cloudwatch/logGroup:LogGroup::acgs2-eks-control-plane-logs", "/protect", LOG_GROUP_WHY),
            new InPlace("aws:cloudwatch/logGroup:LogGroup::acgs2-network-flow-logs", "/retainOnDelete", LOG_GROUP_WHY),
            new InPlace("aws:cloudwatch/logGroup:LogGroup::acgs2-network-flow-logs", "/protect", LOG_GROUP_WHY),
            new InPlace("aws:secretsmanager/secret:Secret::", "/inputs/recoveryWindowInDays", SECRET_WHY),
            new InPlace("aws:secretsmanager/secret:Secret::", "/protect", SECRET_WHY),
            new InPlace("aws:rds/globalCluster:GlobalCluster::", "/ignoreChanges",
                    "the global cluster's version is AWS's after create (forced minor upgrades, modify-global-cluster): "
                            + "a diff would be a downgrade; a resource option, nothing is sent to AWS"),
            new InPlace(US_EAST_1_CACHE + "acgs2-cache-platform-group", "/ignoreChanges", PRIMARY_WHY),
            new InPlace(US_EAST_1_CACHE + "acgs2-cache-us-tenants-group", "/ignoreChanges", PRIMARY_WHY),
            new InPlace("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup::", "/inputs/engineVersion",
                    "upgrades go through the datastore, for every member (ModifyGlobalReplicationGroup, in place; equal to the "
                            + "primary's version, so no change on the first up)"),
            new InPlace("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup::", "/inputs/cacheNodeType",
                    "resizes go through the datastore (ModifyGlobalReplicationGroup, in place; equal to the primary's node type)"),
            new InPlace("aws:rds/cluster:Cluster::", "/inputs/dbClusterParameterGroupName", PARAMETERS_WHY),
            new InPlace("aws:rds/cluster:Cluster::", "/dependencies", PARAMETERS_WHY),
            new InPlace("aws:rds/clusterInstance:ClusterInstance::", "/inputs/monitoringInterval", MONITORING_WHY),
            new InPlace("aws:rds/clusterInstance:ClusterInstance::", "/inputs/monitoringRoleArn", MONITORING_WHY),
            new InPlace("aws:rds/clusterInstance:ClusterInstance::", "/dependencies", MONITORING_WHY),
            new InPlace("aws:eks/nodeGroup:NodeGroup::", "/ignoreChanges",
                    "the desired size is read back from EKS and kept in the bounds (LiveNodeGroupSize) instead of ignored, so a "
                            + "raised minimum is accepted (a resource option; the value sent is the live size)"),
            new InPlace("urn:pulumi:us-east-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:AuroraGlobalDatabase"
                    + "$aws:rds/cluster:Cluster::acgs2-db-platform-cluster", "/ignoreChanges", ROTATION_WHY),
            new InPlace("urn:pulumi:us-east-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:AuroraGlobalDatabase"
                    + "$aws:rds/cluster:Cluster::acgs2-db-us-tenants-cluster", "/ignoreChanges", ROTATION_WHY),
            new InPlace("urn:pulumi:eu-west-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:AuroraGlobalDatabase"
                    + "$aws:rds/cluster:Cluster::acgs2-db-gdpr-tenants-cluster", "/ignoreChanges", ROTATION_WHY),
            new InPlace("aws:secretsmanager/secretVersion:SecretVersion::", "/ignoreChanges", ROTATION_WHY),
            new InPlace("aws:secretsmanager/secretVersion:SecretVersion::", "/dependencies",
                    "the secret's host is the global writer endpoint (it follows the writer; the rotation needs it): ignored "
                            + "with the rest of the value, so a deployed secret keeps its value (README: set the host once)"),
            new InPlace("aws:rds/cluster:Cluster::", "/inputs/enableGlobalWriteForwarding",
                    "writes from every region (issue 18): a secondary forwards its sessions' writes to the primary; the primary "
                            + "keeps it for after a switchover (EnableGlobalWriteForwarding: ModifyDBCluster, applied at once without a "
                            + "reboot; not ForceNew in terraform-provider-aws rds/cluster.go)"),
            new InPlace("aws:ec2/vpc:Vpc::acgs2-network-vpc", "/inputs/assignGeneratedIpv6CidrBlock", IPV6_WHY),
            new InPlace("aws:ec2/subnet:Subnet::acgs2-network-public-az1", "/inputs/ipv6CidrBlock", IPV6_WHY),
            new InPlace("aws:ec2/subnet:Subnet::acgs2-network-public-az2", "/inputs/ipv6CidrBlock", IPV6_WHY),
            new InPlace("aws:ec2/subnet:Subnet::acgs2-network-public-az3", "/inputs/ipv6CidrBlock", IPV6_WHY),
            new InPlace("aws:s3/bucketPolicy:BucketPolicy::acgs2-access-logs-policy", "/inputs/policy",
                    "the front door's ALB writes its access logs under alb/ (Elastic Load Balancing's log delivery principal "
                            + "and, in the older regions, its account): PutBucketPolicy, in place (issue 17)"),
            new InPlace("aws:s3/bucketReplicationConfig:BucketReplicationConfig::", "/protect",
                    "removing a replication configuration silently stops replication of every later write (resource option)"));

    /**
     * Deployed resources a release retires on purpose, each with why and what an operator runs first
     * (README, "Upgrading a deployed fleet"). A listed URN must really be gone (the table cannot go stale).
     */
    record Retired(String urnSuffix, String why) {
    }

    static final String COPY_WHY = "a secondary's own copy of the master secret went stale at the first rotation: the later "
            + "region now holds a replica of the owner's secret (SecretReplica, whose --force-overwrite-replica-secret turns "
            + "the copy into the replica); run `pulumi state delete --force` on the copy's Secret and SecretVersion first";

    static final List<Retired> RETIRED = List.of(
            new Retired("urn:pulumi:eu-west-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:AuroraGlobalDatabase"
                    + "$aws:secretsmanager/secret:Secret::acgs2-db-platform-master-secret", COPY_WHY),
            new Retired("urn:pulumi:eu-west-1::acgs2-infra::pulumi:pulumi:Stack$acgs2:data:AuroraGlobalDatabase"
                    + "$aws:secretsmanager/secret:Secret$aws:secretsmanager/secretVersion:SecretVersion::acgs2-db-platform-master-secret",
                    COPY_WHY));

    /** Stack outputs whose value a release changes on purpose (stack.output -> why). */
    static final Map<String, String> CHANGED_OUTPUTS = Map.of(
            "eu-west-1.databaseSecretArns", "platform's secret in eu-west-1 is now the replica of us-east-1's (same name, the "
                    + "replica's ARN); no stack reads a secondary's secret ARN");

    /** The resources each release fixture holds: every one must be compared. */
    private static final Map<String, Integer> FIXTURES = Map.of("shipped-plan-v1.json", 125, "shipped-plan-v2.json", 423);

    @Test
    void everyDeployedResourceKeepsItsUrnAndInputs(@TempDir Path tmp) throws Exception {
        // through text, as the fixtures were written, so numbers compare by value
        var current = JSON.readTree(JSON.writeValueAsString(Snapshot.toJson(io.acgs2.testing.Fixtures.shippedPlans().values())));
        var now = byStack(current);
        var changes = new ArrayList<String>();
        for (var f : new TreeSet<>(FIXTURES.keySet())) {
            var fixture = JSON.readTree(PROJECT.resolve("src/test/resources/fixtures/" + f).toFile());
            assertEquals(FIXTURES.get(f), compare(fixture, now, changes), "every resource of " + f + " was compared");
        }
        assertEquals(List.of(), changes, "deployed resources would move or change");
    }

    /** Adds every move or change of a fixture's resources to {@code changes}; returns how many were compared. */
    private static int compare(JsonNode fixture, Map<String, JsonNode> now, List<String> changes) {
        int compared = 0;
        for (var stack : fixture.get("stacks")) {
            var name = stack.get("stack").asText();
            var planned = now.get(name);
            assertTrue(planned != null, "stack " + name + " is no longer planned");
            var byUrn = new HashMap<String, JsonNode>();
            planned.get("resources").forEach(r -> byUrn.put(r.get("urn").asText(), r));
            for (var was : stack.get("resources")) {
                var urn = was.get("urn").asText();
                var is = byUrn.get(urn);
                if (is == null) {
                    if (RETIRED.stream().noneMatch(r -> r.urnSuffix().equals(urn))) {
                        changes.add("gone (would be deleted): " + urn);
                    }
                    compared++;
                    continue;
                }
                if (RETIRED.stream().anyMatch(r -> r.urnSuffix().equals(urn))) {
                    changes.add("listed as retired but still planned: " + urn);
                }
                compared++;
                var allowed = IN_PLACE.stream().filter(c -> matches(c.urnSuffix(), urn)).toList();
                if (!allowed.isEmpty()) {
                    var wasCopy = (ObjectNode) was.deepCopy();
                    var isCopy = (ObjectNode) is.deepCopy();
                    for (var c : allowed) {
                        assertTrue(!was.at(c.pointer()).equals(is.at(c.pointer())), "listed in-place change did not happen: "
                                + urn + " " + c.pointer());
                        remove(wasCopy, c.pointer());
                        remove(isCopy, c.pointer());
                    }
                    was = wasCopy;
                    is = isCopy;
                }
                for (var field : COMPARED) {
                    if (!withoutTags(was.get(field)).equals(withoutTags(is.get(field)))) {
                        changes.add(field + " changed: " + urn + "\n      was " + was.get(field) + "\n      is  " + is.get(field));
                    }
                }
                if (!deps(was).equals(deps(is))) {
                    changes.add("dependencies changed: " + urn);
                }
            }
            for (var it = stack.get("outputs").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().equals(planned.get("outputs").get(e.getKey()))
                        && !CHANGED_OUTPUTS.containsKey(name + "." + e.getKey())) {
                    changes.add("output " + name + "." + e.getKey() + " changed (later stacks read it)");
                }
            }
        }
        return compared;
    }

    /** A whole URN matches itself; a suffix that starts with "-" or ends with "::" matches anywhere; else the URN's end. */
    private static boolean matches(String suffix, String urn) {
        if (suffix.startsWith("urn:")) {
            return urn.equals(suffix);
        }
        return suffix.endsWith("::") || suffix.startsWith("-") ? urn.contains(suffix) : urn.endsWith(suffix);
    }

    /** Removes the node at {@code pointer} (its last step a field), where it exists. */
    private static void remove(ObjectNode root, String pointer) {
        var cut = pointer.lastIndexOf('/');
        var parent = root.at(pointer.substring(0, cut));
        var field = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.remove(field);
        }
    }

    private static Map<String, JsonNode> byStack(JsonNode snapshot) {
        var out = new HashMap<String, JsonNode>();
        snapshot.get("stacks").forEach(s -> out.put(s.get("stack").asText(), s));
        return out;
    }

    private static TreeSet<String> deps(JsonNode r) {
        var out = new TreeSet<String>();
        if (r.has("dependencies")) {
            r.get("dependencies").forEach(d -> out.add(d.asText()));
        }
        return out;
    }

    /** Tags may change without moving anything (an in-place update); everything else must not. */
    private static JsonNode withoutTags(JsonNode node) {
        if (node instanceof ObjectNode o && (o.has("tags") || o.has("tagsAll"))) {
            var copy = o.deepCopy();
            copy.remove(List.of("tags", "tagsAll"));
            return copy;
        }
        return node == null ? JSON.nullNode() : node;
    }
}
