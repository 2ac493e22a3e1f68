package io.acgs2.components.ci;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.statement;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubRunnerTest {

    static final String CONNECTION = "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-0000-1111-2222-333344445555";
    static final String PROJECT = "aws:codebuild/project:Project";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    static StackPlan runner(Consumer<GitHubRunnerArgs.Builder> customize) {
        return runInRegion("eu-west-1", r -> {
            var peer = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            var args = GitHubRunnerArgs.builder()
                    .projectName("acgs2-ci-eu-west-1")
                    .repository("https://github.com/acgs2/acgs2-infra")
                    .deployRoleName("acgs2-deployer")
                    .vpcId(Output.of("vpc-1"))
                    .privateSubnetIds(Output.of(List.of("subnet-p1", "subnet-p2")))
                    .clusterSecurityGroupId(Output.of("sg-cluster"))
                    .runnerCidrs(List.of("10.1.0.0/16"))
                    .peerClusters(List.of(new GitHubRunnerArgs.PeerCluster("us-east-1", Output.of("sg-us-cluster"), peer)))
                    .facts(r.facts());
            customize.accept(args);
            new GitHubRunner("ci", args.build(), r.opts());
        });
    }

    @Test
    void takesQueuedJobsOnlyOnceTheConnectionIsCompleted() {
        var pending = runner(a -> { });
        assertEquals(1, pending.count("aws:codeconnections/connection:Connection"), "a pending connection to complete");
        assertEquals(0, pending.count("aws:codebuild/webhook:Webhook"), "no webhook on a pending connection");
        var ready = runner(a -> a.connectionArn(CONNECTION));
        assertEquals(0, ready.count("aws:codeconnections/connection:Connection"));
        var hook = one(ready, "aws:codebuild/webhook:Webhook", "ci-jobs");
        var filter = json(hook.inputs().get("filterGroups")).get(0).get("filters").get(0);
        assertEquals("EVENT", filter.get("type").asText());
        assertEquals("WORKFLOW_JOB_QUEUED", filter.get("pattern").asText(), "a runner webhook, not a build trigger");
        var project = one(ready, PROJECT, "ci");
        var source = json(project.inputs().get("source"));
        assertEquals("GITHUB", source.get("type").asText());
        assertEquals("CODECONNECTIONS", source.get("auth").get("type").asText());
        assertEquals(CONNECTION, source.get("auth").get("resource").asText());
    }

    @Test
    void runsInThePrivateSubnetsWithHttpsOutAndReachesEveryClusterApi() {
        var plan = runner(a -> a.connectionArn(CONNECTION));
        var project = one(plan, PROJECT, "ci");
        var vpc = json(project.inputs().get("vpcConfig"));
        assertEquals(List.of("subnet-p1", "subnet-p2"), List.of(vpc.get("subnets").get(0).asText(), vpc.get("subnets").get(1).asText()));
        var env = json(project.inputs().get("environment"));
        assertFalse(env.get("privilegedMode").asBoolean(), "no Docker daemon needed, none given");
        var sg = one(plan, "aws:ec2/securityGroup:SecurityGroup", "ci-sg");
        var out = one(plan, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "ci-https-out");
        assertEquals(443L, ((Number) out.inputs().get("fromPort")).longValue());
        assertEquals(443L, ((Number) out.inputs().get("toPort")).longValue());
        var local = one(plan, INGRESS, "ci-cluster-api");
        assertEquals("sg-cluster", local.inputs().get("securityGroupId"));
        assertEquals(sg.urn(), local.parent());
        assertTrue(local.dependencies().contains(sg.urn()), "admits the runner's security group");
        var peer = one(plan, INGRESS, "ci-cluster-api-us-east-1");
        assertEquals("us-east-1", peer.providerRegion(), "the earlier cluster's rule, written by this later stack");
        assertEquals("10.1.0.0/16", peer.inputs().get("cidrIpv4"));
        assertTrue(project.dependencies().contains(one(plan, "aws:iam/rolePolicy:RolePolicy", "ci-role").urn()),
                "CodeBuild checks the VPC permissions when the project is created");
    }

    @Test
    void theRoleCanOnlyMakeItsInterfacesWriteItsLogsUseItsConnectionAndAssumeTheDeployRole() {
        var plan = runner(a -> a.connectionArn(CONNECTION));
        var policy = one(plan, "aws:iam/rolePolicy:RolePolicy", "ci-role").inputs().get("policy");
        var eni = statement(policy, "NetworkInterfacePermission");
        assertEquals("codebuild.amazonaws.com", eni.get("Condition").get("StringEquals").get("ec2:AuthorizedService").asText());
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-p1",
                eni.get("Condition").get("StringEquals").get("ec2:Subnet").get(0).asText());
        assertEquals(CONNECTION, statement(policy, "GitHubConnection").get("Resource").asText());
        assertEquals("arn:aws:iam::123456789012:role/acgs2-deployer", statement(policy, "AssumeDeployRole").get("Resource").asText());
        var statements = json(policy).get("Statement");
        for (var s : statements) {
            var actions = s.get("Action").toString();
            assertFalse(actions.contains("\"*\"") || actions.contains(":*\""), "no wildcard action: " + actions);
        }
        var trust = json(one(plan, "aws:iam/role:Role", "ci-role").inputs().get("assumeRolePolicy")).get("Statement").get(0);
        assertEquals("codebuild.amazonaws.com", trust.get("Principal").get("Service").asText());
        assertEquals("123456789012", trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText());
        assertTrue(where(plan, r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup")).get(0).inputs().containsKey("kmsKeyId"));
    }

    @Test
    void badSettingsNameTheFieldAndTheFix() {
        var e = assertThrows(RuntimeException.class, () -> runner(a -> a.repository("git@github.com:acgs2/x.git").computeType("HUGE")));
        assertTrue(e.getMessage().contains("repository") && e.getMessage().contains("https://github.com/<owner>/<repo>"), e.getMessage());
        assertTrue(e.getMessage().contains("computeType"), e.getMessage());
    }
}
