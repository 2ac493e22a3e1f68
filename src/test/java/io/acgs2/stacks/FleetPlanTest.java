package io.acgs2.stacks;

import io.acgs2.stacks.config.ConfigException;
import io.acgs2.stacks.plan.PlanMocks;
import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.Planner;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.stacks.App;
import io.acgs2.stacks.config.FleetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.where;
import static io.acgs2.testing.Fixtures.withoutProjectKey;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetPlanTest {

    private static final String PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    private static final String ACCEPTER = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    private static final String TGW_ROUTE = "aws:ec2transitgateway/route:Route";
    private static final String VPC_ROUTE = "aws:ec2/route:Route";

    @TempDir
    Path tmp;

    /** The shipped fleet and the fleet with us-west-2 added, planned once for the class (tests only read them). */
    private static Map<String, StackPlan> shipped;
    private static Map<String, StackPlan> three;

    @org.junit.jupiter.api.BeforeAll
    static void planFleets(@TempDir Path dir) throws Exception {
        shipped = io.acgs2.testing.Fixtures.shippedPlans();
        three = io.acgs2.testing.Fixtures.grownFleet("us-west-2");
    }

    @Test
    void everyPairOfRegionsIsLinkedExactlyOnceByTheLaterRegion() {
        var plans = three;
        var links = plans.values().stream()
                .flatMap(p -> p.ofType(PEERING).stream()
                        .map(r -> Set.of(r.providerRegion(), String.valueOf(r.inputs().get("peerRegion")))))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of(
                Set.of("us-east-1", "eu-west-1"), 1L,
                Set.of("us-east-1", "us-west-2"), 1L,
                Set.of("eu-west-1", "us-west-2"), 1L), links);
        assertEquals(0, plans.get("us-east-1").count(PEERING), "the founding region owns no link");
        assertEquals(2, plans.get("us-west-2").count(PEERING), "the newest region owns a link to each earlier one");
    }

    @Test
    void eachLinkIsAcceptedInThePeerRegionWithRoutesOnBothSides() {
        var plan = three.get("us-west-2");
        for (var peer : List.of("us-east-1", "eu-west-1")) {
            var attachment = where(plan, r -> r.type().equals(PEERING) && peer.equals(r.inputs().get("peerRegion"))).get(0);
            assertEquals("us-west-2", attachment.providerRegion());
            var accepter = where(plan, r -> r.type().equals(ACCEPTER) && attachment.parent().equals(r.parent())).get(0);
            assertEquals(peer, accepter.providerRegion(), "accepter must live in the peer region");
            assertTrue(accepter.dependencies().contains(attachment.urn()));

            var peerCidr = peer.equals("us-east-1") ? "10.10.0.0/16" : "10.20.0.0/16";
            var local = where(plan, r -> attachment.parent().equals(r.parent()) && r.type().equals(TGW_ROUTE)
                    && peerCidr.equals(r.inputs().get("destinationCidrBlock")));
            var remote = where(plan, r -> attachment.parent().equals(r.parent()) && r.type().equals(TGW_ROUTE)
                    && "10.30.0.0/16".equals(r.inputs().get("destinationCidrBlock")));
            assertEquals(1, local.size());
            assertEquals("us-west-2", local.get(0).providerRegion());
            assertEquals(1, remote.size());
            assertEquals(peer, remote.get(0).providerRegion());

            // VPC routes: each of the 3 private tables on each side points at its own gateway
            var vpcToPeer = where(plan, r -> attachment.parent().equals(r.parent()) && r.type().equals(VPC_ROUTE)
                    && peerCidr.equals(r.inputs().get("destinationCidrBlock")));
            var vpcFromPeer = where(plan, r -> attachment.parent().equals(r.parent()) && r.type().equals(VPC_ROUTE)
                    && "10.30.0.0/16".equals(r.inputs().get("destinationCidrBlock")));
            assertEquals(3, vpcToPeer.size());
            assertTrue(vpcToPeer.stream().allMatch(r -> "us-west-2".equals(r.providerRegion())));
            assertEquals(3, vpcFromPeer.size());
            assertTrue(vpcFromPeer.stream().allMatch(r -> peer.equals(r.providerRegion())));
        }
    }

    @Test
    void peerSideRoutesUseThePeersOwnIdsFromItsStackOutputs() {
        var plans = three;
        var usEast = plans.get("us-east-1").outputs();
        var plan = plans.get("eu-west-1");
        var attachment = plan.ofType(PEERING).get(0);
        assertEquals(usEast.get("transitGatewayId"), attachment.inputs().get("peerTransitGatewayId"));
        var peerTables = (List<?>) usEast.get("privateRouteTableIds");
        var routeTables = where(plan, r -> r.type().equals(VPC_ROUTE) && "us-east-1".equals(r.providerRegion()))
                .stream().map(r -> r.inputs().get("routeTableId")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(peerTables), routeTables);
    }

    @Test
    void addingAStackFileLeavesTheEarlierStacksUrnsAndNetworkUnchanged() {
        var before = shipped;
        var after = three;
        for (var stack : List.of("us-east-1", "eu-west-1")) {
            assertEquals(urns(before.get(stack)), urns(after.get(stack)), stack + " URNs changed");
            var was = inputs(before.get(stack));
            var is = inputs(after.get(stack));
            var changed = was.keySet().stream().filter(urn -> !was.get(urn).equals(is.get(urn))).toList();
            // Only the fleet manifest learns of the new region (an in-place update of one SSM value).
            assertEquals(1, changed.size(), stack + " changed: " + changed);
            assertTrue(changed.get(0).endsWith("aws:ssm/parameter:Parameter::acgs2-fleet-manifest"), changed.get(0));
        }
    }

    @Test
    void eachBucketHasOneReplicationConfigurationWrittenByALaterRegion() {
        var replication = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
        var bySource = new java.util.HashMap<String, String>();
        var edges = new java.util.TreeSet<String>();
        three.forEach((stack, plan) -> plan.ofType(replication).forEach(rc -> {
            var source = String.valueOf(rc.inputs().get("bucket"));
            assertEquals(null, bySource.put(source, stack), "S3 takes one configuration per bucket: " + source + " has two writers");
            assertTrue(source.contains("-" + rc.providerRegion() + "-"), "written in its bucket's region: " + source);
            @SuppressWarnings("unchecked")
            var rules = (List<Map<String, Object>>) rc.inputs().get("rules");
            for (var rule : rules) {
                @SuppressWarnings("unchecked")
                var destination = String.valueOf(((Map<String, Object>) rule.get("destination")).get("bucket"));
                edges.add(source.replaceAll("-\\d{12}$", "") + " -> " + destination.replaceAll("^arn:aws:s3:::|-\\d{12}$", ""));
            }
        }));
        assertEquals(new java.util.TreeSet<>(List.of(
                // platform (global): each later region to every earlier one, the second region back to the owner
                "acgs2-platform-eu-west-1 -> acgs2-platform-us-east-1",
                "acgs2-platform-us-east-1 -> acgs2-platform-eu-west-1",
                "acgs2-platform-us-west-2 -> acgs2-platform-us-east-1",
                "acgs2-platform-us-west-2 -> acgs2-platform-eu-west-1",
                // us-tenants: us-west-2 is its second region, so it writes both directions
                "acgs2-us-tenants-us-west-2 -> acgs2-us-tenants-us-east-1",
                "acgs2-us-tenants-us-east-1 -> acgs2-us-tenants-us-west-2")), edges);
        assertEquals(0, three.get("us-east-1").count(replication), "the founding region writes no link");
        assertEquals(Set.of("eu-west-1", "us-west-2"), Set.copyOf(bySource.values()));
    }

    @Test
    void everyOrderedPairOfClustersGetsItsRemoteSecretExactlyOnceWrittenByTheLaterRegion() {
        var pairs = new java.util.HashMap<String, Integer>();
        three.forEach((stack, plan) -> io.acgs2.stacks.layers.MeshLayerTest.remoteSecrets(plan).forEach(pair ->
                pairs.merge(pair, 1, Integer::sum)));
        assertEquals(Map.of(
                "us-east-1 in eu-west-1", 1, "eu-west-1 in us-east-1", 1,
                "us-east-1 in us-west-2", 1, "us-west-2 in us-east-1", 1,
                "eu-west-1 in us-west-2", 1, "us-west-2 in eu-west-1", 1), pairs);
        assertEquals(0, three.get("us-east-1").count("acgs2:mesh:MeshPeering"));
        assertEquals(1, three.get("eu-west-1").count("acgs2:mesh:MeshPeering"));
        assertEquals(2, three.get("us-west-2").count("acgs2:mesh:MeshPeering"), "the newest region writes all four of its secrets");
    }

    @Test
    void everyAllowedDirectedMirrorEdgeExistsOnceAndNoneCarriesARestrictedTopicOut() {
        var edges = new java.util.ArrayList<String>();
        three.values().forEach(plan -> edges.addAll(io.acgs2.stacks.layers.EventsLayerTest.edges(plan)));
        var platform = "acgs\\.agent\\.events|acgs\\.agent\\.messages";
        assertEquals(List.of(
                "eu-west-1 -> us-east-1: " + platform, "eu-west-1 -> us-west-2: " + platform,
                "us-east-1 -> eu-west-1: " + platform, "us-east-1 -> us-west-2: " + platform,
                "us-west-2 -> eu-west-1: " + platform, "us-west-2 -> us-east-1: " + platform),
                edges.stream().sorted().toList(), "the GDPR audit topic is never mirrored: its domain has one region");
        assertEquals(4, io.acgs2.stacks.layers.EventsLayerTest.edges(three.get("us-west-2")).size(), "the newest region owns its four edges");
    }

    @Test
    void regionsOfDifferentPartitionsArePlannedButNeverPeered() {
        // without the front door, which does not serve another partition (FrontDoorTest)
        var dir = write(withoutProjectKey(shippedProject(tmp), "traffic"), "Pulumi.cn-north-1.yaml",
                stackFile("cn-north-1", "pipl", 2, "10.50.0.0/16"));
        var plans = planAll(dir);
        var cn = plans.get("cn-north-1");
        assertEquals(0, cn.count(PEERING), "China regions cannot peer with the aws partition");
        assertEquals(1, cn.count("aws:ec2/vpc:Vpc"));
        var admin = statement(where(cn, r -> r.type().equals("aws:kms/key:Key")).get(0).inputs().get("policy"), "AccountAdministration");
        assertEquals("arn:aws-cn:iam::123456789012:root", admin.get("Principal").get("AWS").asText(),
                "ARNs in China use the aws-cn partition");
    }

    @Test
    void everyAwsResourceHasAnExplicitProviderWhoseDefaultTagsCarryTheFleetTags() {
        for (var plan : shipped.values()) {
            for (var r : plan.resources()) {
                if (r.type().startsWith("aws:")) {
                    assertNotNull(r.providerRegion(), r.urn() + " has no provider region");
                }
            }
            var provider = plan.ofType("pulumi:providers:aws").stream()
                    .filter(p -> p.name().equals("aws-" + plan.stack())).findFirst().orElseThrow();
            var tags = json(provider.inputs().get("defaultTags")).get("tags");
            assertEquals("acgs2-infra", tags.get("project").asText());
            assertEquals(plan.stack(), tags.get("stack").asText());
            assertEquals(plan.stack(), tags.get("region").asText());
            assertEquals("platform-team", tags.get("owner").asText());
        }
    }

    @Test
    void theTransitGatewayAcceptsNothingAutomaticallyAndHasAUniqueAsn() {
        var asns = new HashMap<String, Object>();
        for (var plan : three.values()) {
            var tgw = plan.ofType("aws:ec2transitgateway/transitGateway:TransitGateway").get(0);
            assertEquals("disable", tgw.inputs().get("autoAcceptSharedAttachments"));
            assertEquals("disable", tgw.inputs().get("defaultRouteTableAssociation"));
            assertEquals("disable", tgw.inputs().get("defaultRouteTablePropagation"));
            asns.put(plan.stack(), tgw.inputs().get("amazonSideAsn"));
            var attachment = plan.ofType("aws:ec2transitgateway/vpcAttachment:VpcAttachment").get(0);
            assertEquals(plan.outputs().get("privateSubnetIds"), attachment.inputs().get("subnetIds"),
                    "the VPC attaches on its private subnets");
        }
        assertEquals(Map.of("us-east-1", 64512L, "eu-west-1", 64513L, "us-west-2", 64514L), asns);
    }

    @Test
    void theFleetManifestDeclaresZonesAndTenants() {
        var plan = shipped.get("eu-west-1");
        var parameter = plan.ofType("aws:ssm/parameter:Parameter").get(0);
        assertEquals("fleet", map(parameter.inputs().get("tags")).get("acgs2:manifest"));
        var value = json(parameter.inputs().get("value"));
        assertEquals("gdpr", value.get("zone").asText());
        assertEquals("eu-west-1", value.get("tenants").get("nordbank").get("homeRegion").asText());
        assertEquals("gdpr", value.get("tenants").get("nordbank").get("zone").asText());
        assertEquals("[\"gdpr\",\"pipl\"]", value.get("restrictedZones").toString());
    }

    @Test
    void pinnedAvailabilityZonesFromTheStackFileReachTheSubnets() {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.30.0.0/16")
                + "    azCount: 2\n    availabilityZones: [us-west-2c, us-west-2d]\n");
        var plan = planAll(dir).get("us-west-2");
        var azs = where(plan, r -> r.type().equals("aws:ec2/subnet:Subnet")).stream()
                .map(r -> String.valueOf(r.inputs().get("availabilityZone"))).collect(Collectors.toSet());
        assertEquals(Set.of("us-west-2c", "us-west-2d"), azs);
    }

    @Test
    void aBadConfigurationRegistersNothing() {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.10.0.0/16"));
        var files = FleetLoader.read(dir);
        var registered = new AtomicInteger();
        var mocks = new PlanMocks("us-west-2", "us-west-2", Map.of());
        var counting = new com.pulumi.test.Mocks() {
            @Override
            public java.util.concurrent.CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registered.incrementAndGet();
                return mocks.newResourceAsync(args);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                registered.incrementAndGet();
                return mocks.callAsync(args);
            }
        };
        assertThrows(ConfigException.class, () -> Planner.run("acgs2-infra", "us-west-2",
                FleetLoader.engineConfig(files, "us-west-2"), Set.of(), counting, App.program(dir)));
        assertEquals(0, registered.get());
    }

    private static List<String> urns(StackPlan plan) {
        return plan.resources().stream().map(PlannedResource::urn).toList();
    }

    private static Map<String, Object> inputs(StackPlan plan) {
        var m = new HashMap<String, Object>();
        plan.resources().forEach(r -> m.put(r.urn(), r.inputs()));
        return m;
    }

}
