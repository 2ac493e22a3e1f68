package io.acgs2.stacks.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.network.Ipv4Cidr;
import io.acgs2.components.network.NatStrategy;
import io.acgs2.components.network.RegionalNetwork;
import io.acgs2.components.network.RegionalNetworkArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.shippedProject;
import static io.acgs2.testing.Fixtures.stackFile;
import static io.acgs2.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline gate on real plans: the shipped fleet passes, and deliberately insecure variants of
 * the program fail with exit 1, naming the policy and the resource. Needs Node 20 (bin/acgs2 gate
 * installs the pack on first use).
 */
class PolicyGateTest {

    record GateRun(int code, String output) {
    }

    @TempDir
    Path tmp;

    /** {@code bin/acgs2 gate [args] SNAPSHOT}, as CI runs it. */
    static GateRun gate(Path snapshot, String... args) throws Exception {
        var command = new ArrayList<String>(List.of(PROJECT.resolve("bin/acgs2").toString(), "gate"));
        command.addAll(List.of(args));
        command.add(snapshot.toString());
        var process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new GateRun(process.waitFor(), output);
    }

    /** The shipped project's pack config, made once here (bin/acgs2 would start a JVM per call for it). */
    private String[] shippedConfig() throws Exception {
        var file = tmp.resolve("pack-config.json");
        Files.writeString(file, PackConfig.write(io.acgs2.stacks.config.FleetLoader.load(PROJECT).settings(),
                PROJECT.resolve("policies")));
        return new String[]{"--pack-config", file.toString()};
    }

    /** The shipped fleet, planned once for the class (the tests only read it). */
    private static java.util.Collection<StackPlan> shipped;

    @org.junit.jupiter.api.BeforeAll
    static void planShippedFleet(@TempDir Path dir) {
        shipped = io.acgs2.testing.Fixtures.shippedPlans().values();
    }

    /** A fresh snapshot file of the shipped fleet, for a test to gate or mutate. */
    private Path shippedSnapshot() throws Exception {
        var file = tmp.resolve("plan.json");
        Snapshot.write(shipped, file);
        return file;
    }

    @Test
    void theShippedFleetPassesEveryMandatoryPolicy() throws Exception {
        var result = gate(shippedSnapshot(), shippedConfig());
        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("0 mandatory violations"), result.output());
    }

    @Test
    void aPlanWithoutFlowLogsFailsNamingThePolicyAndTheVpc() throws Exception {
        var file = shippedSnapshot();
        var json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        String vpcUrn = null;
        for (var stack : json.get("stacks")) {
            var resources = (ArrayNode) stack.get("resources");
            for (int i = resources.size() - 1; i >= 0; i--) {
                if (resources.get(i).get("type").asText().equals("aws:ec2/flowLog:FlowLog")) {
                    resources.remove(i);
                }
            }
            if (stack.get("stack").asText().equals("eu-west-1")) {
                for (var r : resources) {
                    if (r.get("type").asText().equals("aws:ec2/vpc:Vpc")) {
                        vpcUrn = r.get("urn").asText();
                    }
                }
            }
        }
        new ObjectMapper().writeValue(file.toFile(), json);
        var result = gate(file, shippedConfig());
        assertEquals(1, result.code(), result.output());
        assertTrue(result.output().contains("vpc-flow-logs-enabled"), result.output());
        assertTrue(result.output().contains(vpcUrn), result.output());
    }

    @Test
    void aProgramOpeningSshToTheWorldFailsNamingThePolicyAndTheGroup() throws Exception {
        var plan = runInRegion("eu-west-1", r -> {
            var network = new RegionalNetwork("net", RegionalNetworkArgs.builder().vpcCidr(Ipv4Cidr.parse("10.20.0.0/16"))
                    .natStrategy(NatStrategy.SINGLE).facts(r.facts()).build(), r.opts());
            new SecurityGroup("bastion", SecurityGroupArgs.builder()
                    .vpcId(network.vpcId)
                    .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(22).toPort(22)
                            .cidrBlocks("0.0.0.0/0").build())
                    .build(), CustomResourceOptions.builder().parent(network).build());
        });
        var file = tmp.resolve("insecure.json");
        Snapshot.write(List.of(plan), file);
        var result = gate(file, shippedConfig());
        assertEquals(1, result.code(), result.output());
        assertTrue(result.output().contains("security-group-no-open-ingress"), result.output());
        assertTrue(result.output().contains("aws:ec2/securityGroup:SecurityGroup::bastion"), result.output());
    }

    /** A sovereignty zone the pack has never heard of, added by config alone: the pack learns it from Pulumi.yaml. */
    @Test
    void aRestrictedZoneAddedInPulumiYamlWithOneStackFilePlansWithTheGateClean() throws Exception {
        var dir = shippedProject(tmp);
        var project = Files.readString(dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.yaml"), io.acgs2.testing.Fixtures.exceptZone(project, "pdpa").replace("      pipl:\n", "      pdpa:\n"
                + "        regions: [ap-southeast-1]\n        restricted: true\n      pipl:\n")
                .replace("      nordbank:\n", "      lionbank:\n        zone: pdpa\n        homeRegion: ap-southeast-1\n"
                        + "      nordbank:\n")
                // the front door serves every zone that has a region: the new zone gets its hostname
                .replace("        gdpr: eu.api.acgs2.example.com\n", "        gdpr: eu.api.acgs2.example.com\n"
                        + "        pdpa: sg.api.acgs2.example.com\n"));
        write(dir, "Pulumi.ap-southeast-1.yaml", stackFile("ap-southeast-1", "pdpa", 2, "10.40.0.0/16"));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = new PlanCli(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[]{"plan", "--all", "--project-dir", dir.toString(), "--json", tmp.resolve("pdpa-plan.json").toString()});
        var output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        assertTrue(output.contains("Previewing update (ap-southeast-1)"), output);
        assertTrue(output.contains("in 3 stacks, 0 mandatory violations"), output);

        // and the same snapshot gated with the shipped zones (no pdpa) fails: the pack knows no built-in zones
        var snapshot = tmp.resolve("pdpa-plan.json"); // what the plan above gated, now without the pdpa config
        var shippedZones = gate(snapshot); // no --pack-config: bin/acgs2 generates it from this repository's Pulumi.yaml
        assertEquals(1, shippedZones.code(), shippedZones.output());
        assertTrue(shippedZones.output().contains("fleet-residency-declared"), shippedZones.output());
        assertTrue(shippedZones.output().contains("pdpa"), shippedZones.output());
    }

    /** Any CrossGuard pack runs offline with the engine's semantics: Pulumi's own AWS pack, every policy mandatory. */
    @Test
    void pulumisAwsGuardPackPassesTheShippedPlanAndCatchesAKeyWithoutRotation() throws Exception {
        var pack = PROJECT.resolve("policies/test/packs/awsguard").toString();
        var file = shippedSnapshot();
        var config = shippedConfig();
        var clean = gate(file, config[0], config[1], "--pack", pack);
        assertEquals(0, clean.code(), clean.output());

        var json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        String keyUrn = null;
        for (var stack : json.get("stacks")) {
            for (var r : stack.get("resources")) {
                if (keyUrn == null && r.get("type").asText().equals("aws:kms/key:Key")) {
                    ((ObjectNode) r.get("inputs")).put("enableKeyRotation", false);
                    keyUrn = r.get("urn").asText();
                }
            }
        }
        new ObjectMapper().writeValue(file.toFile(), json);
        var rotationOff = gate(file, config[0], config[1], "--pack", pack);
        assertEquals(1, rotationOff.code(), rotationOff.output());
        assertTrue(rotationOff.output().contains("cmk-backing-key-rotation-enabled"), rotationOff.output());
        assertTrue(rotationOff.output().contains(keyUrn), rotationOff.output());
    }

    /** The residency policies hold on the real data layer, and fail when a GDPR domain gets a us-east-1 member. */
    @Test
    void aGdprDomainGivenAUsEast1ReplicaFailsTheResidencyPolicies() throws Exception {
        var file = shippedSnapshot();
        var config = shippedConfig(); // the unmutated fleet passes: theShippedFleetPassesEveryMandatoryPolicy
        var json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ObjectNode gdprCluster = null;
        ObjectNode usStack = null;
        for (var stack : json.get("stacks")) {
            if (stack.get("stack").asText().equals("us-east-1")) {
                usStack = (ObjectNode) stack;
            }
            for (var r : stack.get("resources")) {
                if (r.get("type").asText().equals("aws:rds/cluster:Cluster")
                        && r.get("inputs").get("tags").get("acgs2:data-domain").asText().equals("gdpr-tenants")) {
                    gdprCluster = (ObjectNode) r;
                }
            }
        }
        var replica = gdprCluster.deepCopy();
        var urn = "urn:pulumi:us-east-1::acgs2-infra::aws:rds/cluster:Cluster::gdpr-tenants-replica";
        replica.put("urn", urn);
        replica.put("name", "gdpr-tenants-replica");
        replica.putNull("parent");
        ((ObjectNode) replica.get("provider")).put("urn", "urn:pulumi:us-east-1::acgs2-infra::pulumi:pulumi:Stack$pulumi:providers:aws::aws-us-east-1");
        ((ObjectNode) replica.get("provider")).put("region", "us-east-1");
        ((ArrayNode) usStack.get("resources")).add(replica);
        new ObjectMapper().writeValue(file.toFile(), json);
        var result = gate(file, config);
        assertEquals(1, result.code(), result.output());
        assertTrue(result.output().contains("data-residency-in-zone"), result.output());
        assertTrue(result.output().contains(urn), result.output());
        assertTrue(result.output().contains("outside its zone gdpr"), result.output());
    }
}
