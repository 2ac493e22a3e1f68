package io.acgs2.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.acgs2.components.ci.GitHubRunner;
import io.acgs2.stacks.config.CiSection;
import io.acgs2.stacks.plan.BootstrapTargets;
import io.acgs2.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflows' structure: the offline gate on GitHub-hosted runners; every preview and up of a
 * stack on the runner label of that stack's region, which is the label of the CodeBuild project the
 * program creates there; ups one at a time in rollout order; self-hosted runners never run a fork's
 * code; a new region's first up limited to what bin/acgs2 bootstrap-targets prints.
 */
class WorkflowsTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode workflow(String file) throws Exception {
        return YAML.readTree(Files.readString(Fixtures.PROJECT.resolve(".github/workflows/" + file)));
    }

    @Test
    void theOfflineGateRunsGitHubHostedAndEveryStackJobOnItsRegionsRunner() throws Exception {
        for (var file : List.of("preview.yml", "deploy.yml")) {
            var jobs = workflow(file).get("jobs");
            assertEquals("ubuntu-latest", jobs.get("offline-gate").get("runs-on").asText(), file + ": the gate needs no cloud");
            var stackJob = jobs.get(file.equals("preview.yml") ? "preview" : "deploy");
            assertEquals("${{ matrix.runner }}", stackJob.get("runs-on").asText(), file);
            assertEquals("${{ fromJSON(needs." + (file.equals("preview.yml") ? "stacks" : "order") + ".outputs.stacks) }}",
                    stackJob.get("strategy").get("matrix").get("include").asText(), file);
            // the label the list job computes is the one CodeBuild matches for the program's project
            var list = jobs.get(file.equals("preview.yml") ? "stacks" : "order");
            var script = list.get("steps").toString();
            var label = "codebuild-" + CiSection.Config.projectName("\\\\(.)") + "-\\\\($suffix)";
            assertTrue(script.contains(label), file + " labels runners " + label + ": " + script);
            assertTrue(script.contains("${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}"), file + ": CodeBuild's label form ends in run id and attempt");
            // each job works in its own stack's region
            assertTrue(stackJob.get("steps").toString().contains("\"aws-region\":\"${{ matrix.stack }}\""), file);
        }
        var preview = workflow("preview.yml").get("jobs").get("preview");
        assertTrue(preview.get("if").asText().contains("github.event.pull_request.head.repo.full_name == github.repository"),
                "a fork's pull request never runs on the runners inside the VPCs");
    }

    @Test
    void upsRunOneAtATimeInRolloutOrderAndANewRegionBootstrapsWithItsTargetsOnly() throws Exception {
        var jobs = workflow("deploy.yml").get("jobs");
        var deploy = jobs.get("deploy");
        assertEquals(1, deploy.get("strategy").get("max-parallel").asInt(), "a stack reads every earlier stack's outputs");
        assertTrue(deploy.get("strategy").get("fail-fast").asBoolean(), "the first failure stops the rest");
        assertTrue(jobs.get("order").get("steps").toString().contains("bin/acgs2 rollout-order"), "the order is the fleet's");
        var steps = new ArrayList<String>();
        deploy.get("steps").forEach(s -> steps.add(s.toString()));
        assertTrue(steps.stream().anyMatch(s -> s.contains("${{ !matrix.bootstrap }}") && s.contains("pulumi up --stack")));
        assertTrue(steps.stream().anyMatch(s -> s.contains("${{ matrix.bootstrap }}") && s.contains("bin/acgs2 bootstrap-targets")
                && s.contains("--target")));
    }

    @Test
    void theBootstrapTargetsTheRunnerAndItsNetworkAndNothingInTheCluster() {
        for (var plan : Fixtures.shippedPlans().values()) {
            var targets = BootstrapTargets.of(plan);
            var types = plan.resources().stream().filter(r -> targets.contains(r.urn())).map(r -> r.type()).toList();
            assertTrue(types.contains("aws:codebuild/project:Project"), plan.stack());
            assertTrue(types.contains("aws:ec2/natGateway:NatGateway"), plan.stack() + ": the runner's subnets reach GitHub");
            assertTrue(types.contains("aws:eks/cluster:Cluster"), plan.stack() + ": the API rule names the cluster's security group");
            assertFalse(types.stream().anyMatch(t -> t.startsWith("kubernetes:")), plan.stack() + ": nothing needs the private API");
            assertFalse(types.contains("aws:eks/nodeGroup:NodeGroup"), plan.stack() + ": no more than the runner needs");
            var runner = plan.resources().stream().filter(r -> r.type().equals(GitHubRunner.TYPE)).findFirst().orElseThrow();
            assertEquals("acgs2-ci", runner.name());
            var project = plan.resources().stream().filter(r -> r.type().equals("aws:codebuild/project:Project")).findFirst().orElseThrow();
            assertEquals(CiSection.Config.projectName(plan.stack()), project.inputs().get("name"));
        }
    }
}
