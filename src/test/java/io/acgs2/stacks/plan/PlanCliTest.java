package io.acgs2.stacks.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.read;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The `bin/acgs2` contract end to end: commands, exit codes, the JSON snapshot's fields. */
class PlanCliTest {

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path tmp;

    private static Run acgs2(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new PlanCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void planAllPrintsBothTreesAndWritesTheSnapshotContract() throws Exception {
        var dir = shippedProject(tmp);
        var json = dir.resolve("plan.json");
        var run = acgs2("plan", "--all", "--no-policy", "--project-dir", dir.toString(), "--json", json.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Previewing update (us-east-1)"));
        assertTrue(run.out().contains("Previewing update (eu-west-1)"));
        assertTrue(run.out().contains("├─ aws:ec2:Vpc"), "tree is nested and shows short types");
        assertTrue(run.out().contains("Resources by type:"));
        assertTrue(run.out().contains("Policies: skipped (--no-policy)"));

        var root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("stacks"), iterable(root.fieldNames()));
        assertEquals(2, root.get("stacks").size());
        for (var stack : root.get("stacks")) {
            for (var field : List.of("stack", "project", "resources", "outputs")) {
                assertTrue(stack.has(field), "stack lacks " + field);
            }
            for (var r : stack.get("resources")) {
                for (var field : List.of("urn", "type", "name", "parent", "provider", "inputs", "dependencies", "protect",
                        "retainOnDelete", "ignoreChanges")) {
                    assertTrue(r.has(field), r.get("urn") + " lacks " + field);
                }
                if (r.get("type").asText().startsWith("aws:")) {
                    assertTrue(r.get("provider").hasNonNull("urn"), r.get("urn") + " has no provider urn");
                    assertTrue(r.get("provider").hasNonNull("region"), r.get("urn") + " has no provider region");
                }
            }
        }
        var eu = root.get("stacks").get(1);
        assertEquals("eu-west-1", eu.get("stack").asText());
        var accepters = new ArrayList<JsonNode>();
        eu.get("resources").forEach(r -> {
            if (r.get("type").asText().endsWith("PeeringAttachmentAccepter")) {
                accepters.add(r);
            }
        });
        assertEquals(1, accepters.size());
        assertEquals("us-east-1", accepters.get(0).get("provider").get("region").asText());
    }

    @Test
    void planningOneStackPlansItsDependenciesSilently() {
        var run = acgs2("plan", "--stack", "eu-west-1", "--no-policy", "--project-dir", shippedProject(tmp).toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Previewing update (eu-west-1)"));
        assertFalse(run.out().contains("Previewing update (us-east-1)"));
        assertTrue(run.out().contains("stackref-us-east-1"));
    }

    @Test
    void aBadConfigurationExitsTwoWithEveryMessageAndNoPlan() {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "gdpr", 2, "10.10.0.0/16"));
        var run = acgs2("plan", "--all", "--project-dir", dir.toString(), "--json", dir.resolve("x.json").toString());
        assertEquals(2, run.code());
        assertEquals("", run.out(), "no plan is printed");
        assertFalse(Files.exists(dir.resolve("x.json")), "no snapshot is written");
        assertTrue(run.err().contains("Pulumi.us-west-2.yaml: acgs2-infra:zone: zone 'gdpr' does not allow region us-west-2"),
                run.err());
        var validate = acgs2("validate", "--project-dir", dir.toString());
        assertEquals(2, validate.code());
    }

    @Test
    void anUnknownStackIsAConfigurationError() {
        var run = acgs2("plan", "--stack", "ap-south-1", "--project-dir", shippedProject(tmp).toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Pulumi.ap-south-1.yaml: stack 'ap-south-1' has no stack file"), run.err());
    }

    @Test
    void misuseExitsOne() {
        assertEquals(1, acgs2("plan", "--bogus").code());
        assertEquals(1, acgs2("launch").code());
        assertEquals(1, acgs2().code());
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        for (var flag : List.of("--help", "-h", "help")) {
            var run = acgs2(flag);
            assertEquals(0, run.code(), flag);
            assertTrue(run.out().startsWith("usage: acgs2 plan"), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void aVpcCidrThatIsNotACidrNamesTheFileTheKeyAndTheFix() {
        // the founding region's file is the broken one: the fleet checks must not trip over its absence
        var dir = shippedProject(tmp);
        write(dir, "Pulumi.us-east-1.yaml", read(dir, "Pulumi.us-east-1.yaml").replace("vpcCidr: 10.10.0.0/16", "vpcCidr: -1"));
        var run = acgs2("validate", "--project-dir", dir.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("Pulumi.us-east-1.yaml: acgs2-infra:network.vpcCidr: '-1' is not an IPv4 CIDR block"), run.err());
        assertTrue(run.err().contains("Fix: write it as a.b.c.d/n"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void validateAndRolloutOrderDescribeTheFleet() {
        var dir = write(shippedProject(tmp), "Pulumi.us-west-2.yaml", stackFile("us-west-2", "us", 2, "10.30.0.0/16"));
        var validate = acgs2("validate", "--project-dir", dir.toString());
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.out().contains("3 region(s)"));
        // where each topic lives, and each service's failover bound, before anything is planned
        assertTrue(validate.out().contains("  acgs.audit.events        domain=gdpr-tenants   regions=[eu-west-1]"), validate.out());
        assertTrue(validate.out().contains("  neural-mcp       image=ghcr.io/acgs2/neural-mcp:1.8.0 failover-bound=24 s gpu=[us-east-1]"),
                validate.out());
        // per region and service, what it is wired to: only the domains placed there, and where secondaries' writes go
        assertTrue(validate.out().contains("service wiring (each service reaches only the domains placed in its region):"), validate.out());
        assertTrue(validate.out().contains("  us-west-2        neural-mcp       platform[global]: database=read, cache=read-write (writable in "
                + "us-east-1 only), bucket=read, acgs.agent.events=[produce], acgs.agent.messages=[consume]\n"), validate.out());
        assertTrue(validate.out().contains("  eu-west-1        claude-flow      gdpr-tenants[gdpr]: database=read-write, bucket=read-write, "
                + "acgs.audit.events=[produce]; platform[global]: database=read-write (writes forwarded to us-east-1)"), validate.out());
        assertTrue(validate.out().contains("; without [us-tenants]\n"), validate.out());
        var order = acgs2("rollout-order", "--project-dir", dir.toString());
        assertEquals(List.of("us-east-1", "eu-west-1", "us-west-2"), order.out().lines().toList());
    }

    @Test
    void aFailingPolicyGateFailsThePlanWithExitOne() throws Exception {
        var home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("policies"));
        Files.copy(PROJECT.resolve("policies/residency-policies.json"), home.resolve("policies/residency-policies.json"));
        var script = home.resolve("bin/acgs2");
        // a stand-in gate: fails when handed the pack config and a non-empty snapshot
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = gate ] && [ \"$2\" = --pack-config ] && [ -s \"$3\" ] && [ -s \"$4\" ] "
                + "&& echo 'gate saw the snapshot' && exit 1\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var previous = System.getProperty("acgs2.home");
        System.setProperty("acgs2.home", home.toString());
        try {
            var run = acgs2("plan", "--stack", "us-east-1", "--project-dir", shippedProject(tmp).toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(run.out().contains("gate saw the snapshot"), run.out());
        } finally {
            if (previous == null) {
                System.clearProperty("acgs2.home");
            } else {
                System.setProperty("acgs2.home", previous);
            }
        }
    }

    @Test
    void packConfigGivesEveryResidencyPolicyTheZonesOfPulumiYaml() throws Exception {
        var out = tmp.resolve("pack-config.json");
        var run = acgs2("pack-config", "--project-dir", shippedProject(tmp).toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        var config = new ObjectMapper().readTree(out.toFile());
        var policies = new ObjectMapper().readTree(PROJECT.resolve("policies/residency-policies.json").toFile());
        assertEquals(policies.size() + 2, config.size(), "the residency policies, the failover bound and the DNS residency");
        assertEquals(30, config.get(PackConfig.FAILOVER_POLICY).get("targetSeconds").asInt(), "services.failoverTargetSeconds");
        var dns = config.get(PackConfig.DNS_POLICY);
        assertEquals(Map.of("us", "api.acgs2.example.com", "gdpr", "eu.api.acgs2.example.com"),
                new ObjectMapper().convertValue(dns.get("hostnames"), Map.class), "traffic.hostnames, its one copy");
        assertEquals(config.get(policies.get(0).asText()).get("zones"), dns.get("zones"));
        for (var policy : policies) {
            var c = config.get(policy.asText());
            assertEquals(List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2"),
                    new ObjectMapper().convertValue(c.get("zones").get("us"), List.class));
            assertEquals(List.of("gdpr", "pipl"), new ObjectMapper().convertValue(c.get("restrictedZones"), List.class));
            assertEquals(List.of("gdpr", "pipl", "us", "global"), iterable(c.get("zones").fieldNames()));
            assertEquals(List.of("cn-north-1", "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
                    "eu-west-1", "eu-west-3", "us-east-1", "us-east-2", "us-west-1", "us-west-2"),
                    new ObjectMapper().convertValue(c.get("zones").get("global"), List.class), "global data may live in any zone's region");
        }
        var stdout = acgs2("pack-config", "--project-dir", shippedProject(Files.createDirectories(tmp.resolve("b"))).toString());
        assertEquals(config, new ObjectMapper().readTree(stdout.out()));
    }

    @Test
    void validatePrintsEachHostnamesRegionsAndTheDnsFailoverBoundNextToTheGuidesTargets() throws Exception {
        var dir = shippedProject(tmp);
        Files.writeString(dir.resolve("Pulumi.eu-west-1.yaml"), Files.readString(dir.resolve("Pulumi.eu-west-1.yaml"))
                + "  acgs2-infra:drain: true\n");
        var run = acgs2("validate", "--project-dir", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("DNS failover bound 180 s = 30 s x (3 + 1) + 60 s alias TTL (target 300 s; guides: region RTO "
                + "300 s, application RTO 60 s by the mesh, full-region RTO 1800 s)"), run.out());
        assertTrue(run.out().contains("eu.api.acgs2.example.com     zone=gdpr   regions=[eu-west-1] drained=[eu-west-1] failover-bound=180 s"),
                run.out());
        assertTrue(run.out().contains("api.acgs2.example.com        zone=us     regions=[us-east-1] failover-bound=180 s"), run.out());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        var out = new ArrayList<String>();
        it.forEachRemaining(out::add);
        return out;
    }
}
