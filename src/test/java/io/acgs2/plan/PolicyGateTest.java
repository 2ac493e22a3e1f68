package io.acgs2.plan;

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
import io.acgs2.stacks.plan.Planner;
import io.acgs2.stacks.plan.Snapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.acgs2.testing.Fixtures.PROJECT;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.shippedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline gate on real plans: the shipped fleet passes, and deliberately insecure variants of
 * the program fail with exit 1, naming the policy and the resource. Needs Node 20 (bin/acgs2 gate
 * installs the pack on first use).
 */
class PolicyGateTest {

    record Gate(int code, String output) {
    }

    private static Gate gate(Path snapshot) throws Exception {
        var process = new ProcessBuilder(PROJECT.resolve("bin/acgs2").toString(), "gate", snapshot.toString())
                .directory(PROJECT.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Gate(process.waitFor(), output);
    }

    private static Path shippedSnapshot() throws Exception {
        var plans = Planner.planWithDependencies(shippedProject(), List.of("us-east-1", "eu-west-1"));
        var file = Files.createTempFile("acgs2-plan-", ".json");
        Snapshot.write(plans.values(), file);
        return file;
    }

    @Test
    void theShippedFleetPassesEveryMandatoryPolicy() throws Exception {
        var result = gate(shippedSnapshot());
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
        var result = gate(file);
        assertEquals(1, result.code(), result.output());
        assertTrue(result.output().contains("vpc-flow-logs-enabled"), result.output());
        assertTrue(result.output().contains(vpcUrn), result.output());
    }

    @Test
    void aProgramOpeningSshToTheWorldFailsNamingThePolicyAndTheGroup() throws Exception {
        var plan = runInRegion("eu-west-1", (ctx, opts) -> {
            var network = new RegionalNetwork("net", RegionalNetworkArgs.of(Ipv4Cidr.parse("10.20.0.0/16"), List.of(), 3,
                    NatStrategy.SINGLE), opts);
            new SecurityGroup("bastion", SecurityGroupArgs.builder()
                    .vpcId(network.vpcId)
                    .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(22).toPort(22)
                            .cidrBlocks("0.0.0.0/0").build())
                    .build(), CustomResourceOptions.builder().parent(network).build());
        });
        var file = Files.createTempFile("acgs2-insecure-", ".json");
        Snapshot.write(List.of(plan), file);
        var result = gate(file);
        assertEquals(1, result.code(), result.output());
        assertTrue(result.output().contains("security-group-no-open-ingress"), result.output());
        assertTrue(result.output().contains("aws:ec2/securityGroup:SecurityGroup::bastion"), result.output());
    }
}
