package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.stacks.plan.StackPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.acgs2.testing.Fixtures.json;
import static io.acgs2.testing.Fixtures.one;
import static io.acgs2.testing.Fixtures.runInRegion;
import static io.acgs2.testing.Fixtures.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterSecretRotationTest {

    static final String STACK = "aws:cloudformation/stack:Stack";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:acgs2/data/gdpr-tenants/aurora/master-AbCdEf";
    static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    static MasterSecretRotationArgs.Builder args() {
        return MasterSecretRotationArgs.builder()
                .domain("gdpr-tenants")
                .zone("gdpr")
                .secretArn(Output.of(SECRET_ARN))
                .kmsKeyArn(Output.of(KEY_ARN))
                .vpcId(Output.of("vpc-1"))
                .privateSubnetIds(Output.of(List.of("subnet-p1", "subnet-p2", "subnet-p3")))
                .databaseSecurityGroupId(Output.of("sg-0database"));
    }

    static StackPlan plan(Consumer<MasterSecretRotationArgs.Builder> customize) {
        return runInRegion("eu-west-1", r -> {
            var args = args();
            customize.accept(args);
            new MasterSecretRotation("rotation", args.build(), r.opts());
        });
    }

    @Test
    void awsHostedSingleUserRotationOfTheSecretInThePrivateSubnets() {
        var plan = plan(a -> { });
        var stack = one(plan, STACK, "rotation-stack");
        assertEquals("acgs2-gdpr-tenants-db-rotation", stack.inputs().get("name"));
        assertEquals(List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"), stack.inputs().get("capabilities"));
        assertEquals("DELETE", stack.inputs().get("onFailure"));
        var template = json(stack.inputs().get("templateBody"));
        // the transform AWS documents for HostedRotationLambda (CloudFormation, AWS::SecretsManager::RotationSchedule)
        assertEquals("AWS::SecretsManager-2024-09-16", template.get("Transform").asText());
        assertEquals(1, template.get("Resources").size());
        var schedule = template.get("Resources").get("MasterSecretRotation");
        assertEquals("AWS::SecretsManager::RotationSchedule", schedule.get("Type").asText());
        var props = schedule.get("Properties");
        assertEquals(SECRET_ARN, props.get("SecretId").asText());
        assertEquals(30, props.get("RotationRules").get("AutomaticallyAfterDays").asInt());
        var lambda = props.get("HostedRotationLambda");
        assertEquals("PostgreSQLSingleUser", lambda.get("RotationType").asText());
        assertEquals("acgs2-gdpr-tenants-db-rotation", lambda.get("RotationLambdaName").asText());
        assertEquals(KEY_ARN, lambda.get("KmsKeyArn").asText(), "the function decrypts the secret with the domain's key");
        // both are comma-separated strings in the resource's schema, not lists
        assertEquals("subnet-p1,subnet-p2,subnet-p3", lambda.get("VpcSubnetIds").asText());
        var sg = one(plan, "aws:ec2/securityGroup:SecurityGroup", "rotation-sg");
        assertTrue(lambda.get("VpcSecurityGroupIds").isTextual());
        // RDS refuses '/', '@', '"' and space in a master password: the rotation never generates them
        var excluded = lambda.get("ExcludeCharacters").asText();
        for (var c : List.of("/", "@", "\"", " ")) {
            assertTrue(excluded.contains(c), "excludes " + c);
        }
        // only what the properties' schema has
        var allowed = java.util.Set.of("ExcludeCharacters", "KmsKeyArn", "MasterSecretArn", "MasterSecretKmsKeyArn",
                "RotationLambdaName", "RotationType", "Runtime", "SuperuserSecretArn", "SuperuserSecretKmsKeyArn",
                "VpcSecurityGroupIds", "VpcSubnetIds");
        lambda.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), f + " is not a HostedRotationLambda property"));
        assertTrue(sg.custom());
    }

    @Test
    void theFunctionReachesOnlySecretsManagerAndTheDatabaseWhichAdmitsIt() {
        var plan = plan(a -> { });
        var sg = one(plan, "aws:ec2/securityGroup:SecurityGroup", "rotation-sg");
        assertFalse(sg.inputs().containsKey("ingress"), "no inline rules");
        var egress = where(plan, r -> r.type().equals(EGRESS));
        assertEquals(2, egress.size());
        var https = one(plan, EGRESS, "rotation-to-secretsmanager");
        assertEquals(443L, https.inputs().get("fromPort"));
        assertEquals(443L, https.inputs().get("toPort"));
        assertEquals("0.0.0.0/0", https.inputs().get("cidrIpv4"));
        var pg = one(plan, EGRESS, "rotation-to-database");
        assertEquals(5432L, pg.inputs().get("fromPort"));
        assertEquals("sg-0database", pg.inputs().get("referencedSecurityGroupId"));
        assertEquals(List.of(), where(plan, r -> r.type().equals(INGRESS) && r.name().startsWith("rotation-sg")));
        var in = one(plan, INGRESS, "rotation-into-database");
        assertEquals("sg-0database", in.inputs().get("securityGroupId"));
        assertEquals(5432L, in.inputs().get("toPort"));
        assertTrue(String.valueOf(in.inputs().get("referencedSecurityGroupId")).startsWith("sg-"));
        // the first rotation runs when the schedule is made: the rules must exist by then
        var stack = one(plan, STACK, "rotation-stack");
        for (var rule : List.of(https, pg, in)) {
            assertTrue(stack.dependencies().contains(rule.urn()), "the stack waits for " + rule.name());
        }
        assertEquals("eu-west-1", stack.providerRegion());
    }

    @Test
    void theRotationPeriodIsConfigurableWithinSecretsManagersBounds() {
        var plan = plan(a -> a.rotationDays(7));
        var template = json(one(plan, STACK, "rotation-stack").inputs().get("templateBody"));
        assertEquals(7, template.at("/Resources/MasterSecretRotation/Properties/RotationRules/AutomaticallyAfterDays").asInt());
        for (var days : List.of(0, 1001)) {
            var e = assertThrows(IllegalArgumentException.class, () -> args().rotationDays(days).build());
            assertTrue(e.getMessage().contains("rotationDays: " + days), e.getMessage());
        }
    }

    @Test
    void rejectsEveryMissingFieldAndAFunctionNameLambdaRefusesAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> MasterSecretRotationArgs.builder().build());
        for (var field : List.of("domain", "zone", "secretArn", "kmsKeyArn", "vpcId", "privateSubnetIds", "databaseSecurityGroupId")) {
            assertTrue(e.getMessage().contains(field + ": is required"), e.getMessage());
        }
        // Lambda: 64 characters at most
        var longDomain = "d".repeat(50);
        var tooLong = assertThrows(IllegalArgumentException.class, () -> args().domain(longDomain).build());
        assertTrue(tooLong.getMessage().contains("functionName"), tooLong.getMessage());
    }
}
