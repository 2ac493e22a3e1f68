package io.acgs2.stacks.layers;

import io.acgs2.stacks.plan.PlannedResource;
import io.acgs2.stacks.plan.StackPlan;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.map;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.planAll;
import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.where;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door on the shipped fleet, a region-add in an existing zone, a new zone, and a drain:
 * per region its gateway, load balancer, certificate, web ACL, check and records; a zone's hostname
 * answers only from the zone's regions in every stack; a drain changes only the drained region's
 * DNS resources, in place.
 */
class TrafficLayerTest {

    static final String RECORD = "aws:route53/record:Record";
    static final Map<String, String> HOSTNAMES = Map.of("us", "api.acgs2.example.com", "gdpr", "eu.api.acgs2.example.com");
    static final Map<String, List<String>> ZONES = Map.of("us", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2"),
            "gdpr", List.of("eu-west-1", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2"),
            "pdpa", List.of("ap-southeast-1"));

    @Test
    void everyRegionHasItsWholeFrontDoor() {
        for (var plan : Fixtures.shippedPlans().values()) {
            var region = plan.stack();
            for (var type : List.of("acgs2:traffic:IngressGateway", "acgs2:traffic:IngressRoutes", "acgs2:traffic:PublicLoadBalancer",
                    "acgs2:traffic:PublicCertificate", "acgs2:traffic:WebFirewall", "acgs2:traffic:RegionalDns",
                    "aws:acm/certificateValidation:CertificateValidation", "aws:wafv2/webAcl:WebAcl",
                    "aws:route53/healthCheck:HealthCheck", "kubernetes:networking.k8s.io/v1:Ingress")) {
                assertEquals(1, plan.count(type), region + " " + type);
            }
            // the ALB names this region's ACL and certificate
            var annotations = map(map(one(plan, "kubernetes:networking.k8s.io/v1:Ingress", "acgs2-front-door-alb-ingress")
                    .inputs().get("metadata")).get("annotations"));
            assertTrue(String.valueOf(annotations.get("alb.ingress.kubernetes.io/wafv2-acl-arn")).startsWith("arn:aws:wafv2:" + region + ":"));
            assertTrue(String.valueOf(annotations.get("alb.ingress.kubernetes.io/certificate-arn")).startsWith("arn:aws:acm:" + region + ":"));
            assertTrue(String.valueOf(annotations.get("alb.ingress.kubernetes.io/load-balancer-attributes"))
                    .contains("access_logs.s3.bucket=acgs2-access-logs-" + region + "-"));
            // the region's hostnames are exported for the operator, the failover bound too
            assertEquals(HOSTNAMES.get(region.startsWith("us") ? "us" : "gdpr"), plan.outputs().get("trafficHostname"));
            assertEquals(region + "." + plan.outputs().get("trafficHostname"), plan.outputs().get("trafficRegionalHostname"));
            assertEquals(180, ((Number) plan.outputs().get("trafficFailoverBoundSeconds")).intValue());
            // the ALB's alias target: its DNS name and the canonical zone of the region's ALBs
            var latency = where(plan, r -> r.type().equals(RECORD) && r.name().startsWith("acgs2-front-door-dns-latency"));
            assertEquals(2, latency.size(), "A and AAAA");
            var alias = json(latency.get(0).inputs().get("aliases")).get(0);
            assertEquals(plan.outputs().get("trafficLoadBalancer"), alias.get("name").asText());
            assertEquals(Map.of("us-east-1", "Z35SXDOTRQ7X7K", "eu-west-1", "Z32O12XQLNTSW2").get(region), alias.get("zoneId").asText());
        }
        var us = Fixtures.shippedPlans().get("us-east-1");
        var eu = Fixtures.shippedPlans().get("eu-west-1");
        // the founding region creates the zone; eu-west-1 writes into it, by the id us-east-1 exports
        assertEquals(1, us.count("aws:route53/zone:Zone"));
        assertEquals(0, eu.count("aws:route53/zone:Zone"));
        where(eu, r -> r.type().equals(RECORD)).forEach(r -> assertEquals(us.outputs().get("trafficHostedZoneId"), r.inputs().get("zoneId")));
        assertEquals(4, ((List<?>) us.outputs().get("trafficNameServers")).size(), "delegate the created zone to these");
    }

    @Test
    void aZonesHostnameAnswersOnlyFromTheZonesRegionsInEveryFleet(@TempDir Path tmp) {
        var fleets = List.of(Fixtures.shippedPlans(), Fixtures.grownFleet("us-west-2"), Fixtures.grownFleet("eu-central-1"), newZone(tmp));
        int checked = 0;
        for (var fleet : fleets) {
            for (var plan : fleet.values()) {
                for (var rec : where(plan, r -> r.type().equals(RECORD) && r.inputs().get("latencyRoutingPolicies") != null)) {
                    var name = String.valueOf(rec.inputs().get("name"));
                    var zone = HOSTNAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                            .findFirst().orElse(name.equals("sg.api.acgs2.example.com") ? "pdpa" : null);
                    var region = json(rec.inputs().get("latencyRoutingPolicies")).get(0).get("region").asText();
                    assertTrue(ZONES.get(zone).contains(region), name + " answers with " + region + " in " + plan.stack());
                    assertEquals(plan.stack(), region, "every region writes only its own latency records");
                    checked++;
                }
            }
        }
        assertEquals(2 * (2 + 3 + 3 + 3), checked, "A and AAAA per region of the four fleets");
    }

    @Test
    void aRegionJoiningAZoneAddsOnlyItsOwnRecordsCheckAndValidationRecord() {
        var grown = Fixtures.grownFleet("us-west-2");
        var west = grown.get("us-west-2");
        var validation = where(west, r -> r.type().equals(RECORD) && r.name().startsWith("acgs2-front-door-cert-validation"));
        assertEquals(List.of("acgs2-front-door-cert-validation-region"), validation.stream().map(PlannedResource::name).toList(),
                "us-east-1 wrote api.'s validation record; us-west-2 validates against it");
        assertTrue(String.valueOf(validation.get(0).inputs().get("name")).endsWith(".us-west-2.api.acgs2.example.com."));
        assertEquals(1, west.count("aws:route53/healthCheck:HealthCheck"));
        // the earlier stacks' front doors are untouched
        for (var stack : List.of("us-east-1", "eu-west-1")) {
            var before = traffic(Fixtures.shippedPlans().get(stack));
            var after = traffic(grown.get(stack));
            assertEquals(before, after, stack);
        }
    }

    @Test
    void drainingARegionInvertsItsCheckAndSilencesItsAlarmAndChangesNothingElse(@TempDir Path tmp) {
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.eu-west-1.yaml", read(dir, "Pulumi.eu-west-1.yaml") + "  acgs2-infra:drain: true\n");
        var drained = planAll(dir);
        var live = Fixtures.shippedPlans();
        var changed = new java.util.ArrayList<String>();
        for (var stack : live.keySet()) {
            var before = byUrn(live.get(stack));
            var after = byUrn(drained.get(stack));
            assertEquals(before.keySet(), after.keySet(), stack + ": nothing created or deleted");
            before.forEach((urn, r) -> {
                if (!r.inputs().equals(after.get(urn).inputs())) {
                    changed.add(urn.substring(urn.lastIndexOf("::") + 2));
                }
            });
        }
        assertEquals(Set.of("acgs2-front-door-dns-health", "acgs2-front-door-dns-health-alarm"), Set.copyOf(changed));
        assertEquals(2, changed.size(), "only eu-west-1's");
        // each changes one input, which the provider updates in place: invert_healthcheck is not ForceNew
        // (UpdateHealthCheck; type, request_interval, measure_latency and reference_name are: unchanged here),
        // nor is the alarm's actions_enabled (terraform-provider-aws route53/health_check.go, cloudwatch/metric_alarm.go)
        for (var change : List.of(List.of("aws:route53/healthCheck:HealthCheck", "acgs2-front-door-dns-health", "invertHealthcheck"),
                List.of("aws:cloudwatch/metricAlarm:MetricAlarm", "acgs2-front-door-dns-health-alarm", "actionsEnabled"))) {
            var before = new HashMap<>(one(live.get("eu-west-1"), change.get(0), change.get(1)).inputs());
            var after = new HashMap<>(one(drained.get("eu-west-1"), change.get(0), change.get(1)).inputs());
            assertEquals(change.get(2).equals("invertHealthcheck"), after.remove(change.get(2)));
            before.remove(change.get(2));
            assertEquals(before, after, change.get(1) + " changes only " + change.get(2));
        }
    }

    /** A fleet with a new restricted zone pdpa and its region ap-southeast-1, served at sg.api. */
    static Map<String, StackPlan> newZone(Path tmp) {
        var dir = shippedProject(tmp);
        var project = read(dir, "Pulumi.yaml");
        write(dir, "Pulumi.yaml", io.acgs2.testing.Fixtures.exceptZone(project, "pdpa").replace("      pipl:\n", "      pdpa:\n        regions: [ap-southeast-1]\n        restricted: true\n"
                + "      pipl:\n").replace("        gdpr: eu.api.acgs2.example.com\n", "        gdpr: eu.api.acgs2.example.com\n"
                + "        pdpa: sg.api.acgs2.example.com\n"));
        write(dir, "Pulumi.ap-southeast-1.yaml", stackFile("ap-southeast-1", "pdpa", 2, "10.50.0.0/16"));
        return planAll(dir);
    }

    private static Map<String, PlannedResource> byUrn(StackPlan plan) {
        var out = new HashMap<String, PlannedResource>();
        plan.resources().forEach(r -> out.put(r.urn(), r));
        return out;
    }

    private static Map<String, Object> traffic(StackPlan plan) {
        return plan.resources().stream().filter(r -> r.urn().contains("acgs2:traffic:"))
                .collect(Collectors.toMap(PlannedResource::urn, PlannedResource::inputs));
    }
}
