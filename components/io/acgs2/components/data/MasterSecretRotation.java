package io.acgs2.components.data;

import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Json;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rotation of a data domain's Aurora master secret, in the domain's owner region (where the secret
 * is primary; its replicas in the other regions of the zone follow every rotation). Aurora global
 * databases cannot have RDS manage the master password (AuroraUserGuide, rds-secrets-manager,
 * "Limitations"), so Secrets Manager rotates it with AWS's own single-user PostgreSQL rotation
 * function, made by the {@code AWS::SecretsManager-2024-09-16} transform
 * ({@code AWS::SecretsManager::RotationSchedule} with a {@code HostedRotationLambda}) in a small
 * CloudFormation stack: AWS keeps the function's code and its role (GetSecretValue, PutSecretValue,
 * UpdateSecretVersionStage on this secret, the key through Secrets Manager).
 *
 * <p>The function runs in the private subnets with its own security group: HTTPS out (the Secrets
 * Manager API, through the NAT gateways) and PostgreSQL to the database only; the database's
 * security group admits it on 5432. The secret's host is the global writer endpoint, so a rotation
 * changes the password wherever the writer is; a later region that holds the domain opens the path
 * to its own cluster ({@link RotationPath}).
 */
public class MasterSecretRotation extends ComponentResource {

    public static final String TYPE = "acgs2:data:MasterSecretRotation";
    public static final String TRANSFORM = "AWS::SecretsManager-2024-09-16";
    public static final String ROTATION_TYPE = "PostgreSQLSingleUser";
    /** The transform makes an IAM role (CAPABILITY_IAM) and is a macro (CAPABILITY_AUTO_EXPAND). */
    public static final List<String> CAPABILITIES = List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND");

    /** The rotation function's security group (later regions open PostgreSQL to their own clusters from it). */
    public final Output<String> securityGroupId;
    /** The CloudFormation stack holding the function and the rotation schedule. */
    public final Stack stack;

    public MasterSecretRotation(String name, MasterSecretRotationArgs args, ComponentResourceOptions options) {
        this(name, args, options, List.of());
    }

    /** @param after what must exist before the first rotation (the cluster and its instances, the secret's first version) */
    public MasterSecretRotation(String name, MasterSecretRotationArgs args, ComponentResourceOptions options,
                                List<? extends Resource> after) {
        super(TYPE, name, options);
        var tags = Map.of(AuroraGlobalDatabase.TAG_ZONE, args.zone(), AuroraGlobalDatabase.TAG_DOMAIN, args.domain());
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description("Master secret rotation of data domain " + args.domain() + ": Secrets Manager and PostgreSQL only")
                .vpcId(args.vpcId())
                .tags(Tags.name(name + "-sg", tags))
                .build(), CustomResourceOptions.builder().parent(this).build());
        var inSg = CustomResourceOptions.builder().parent(sg).build();
        var rules = new ArrayList<Resource>();
        rules.add(new SecurityGroupEgressRule(name + "-to-secretsmanager", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4("0.0.0.0/0")
                .description("HTTPS to the Secrets Manager API (through the NAT gateways)")
                .tags(Tags.name(name + "-to-secretsmanager"))
                .build(), inSg));
        rules.add(new SecurityGroupEgressRule(name + "-to-database", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .ipProtocol("tcp").fromPort(AuroraGlobalDatabaseArgs.PORT).toPort(AuroraGlobalDatabaseArgs.PORT)
                .referencedSecurityGroupId(args.databaseSecurityGroupId())
                .description("PostgreSQL to the domain's cluster in this region")
                .tags(Tags.name(name + "-to-database"))
                .build(), inSg));
        rules.add(new SecurityGroupIngressRule(name + "-into-database", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(args.databaseSecurityGroupId())
                .ipProtocol("tcp").fromPort(AuroraGlobalDatabaseArgs.PORT).toPort(AuroraGlobalDatabaseArgs.PORT)
                .referencedSecurityGroupId(sg.id())
                .description("PostgreSQL from the master secret's rotation function")
                .tags(Tags.name(name + "-into-database"))
                .build(), CustomResourceOptions.builder().parent(this).build()));

        var template = Output.tuple(args.secretArn(), args.kmsKeyArn(), args.privateSubnetIds(), sg.id())
                .applyValue(t -> template(t.t1, t.t2, t.t3, t.t4, args));
        var dependsOn = new ArrayList<Resource>(rules);
        dependsOn.addAll(after);
        this.stack = new Stack(name + "-stack", StackArgs.builder()
                // CloudFormation stack names: letters, digits and hyphens, a letter first
                .name(args.functionName())
                .templateBody(template)
                .capabilities(CAPABILITIES)
                // a failed create leaves nothing half-made behind
                .onFailure("DELETE")
                .tags(Tags.name(name + "-stack", tags))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build());
        this.securityGroupId = sg.id();
        this.registerOutputs(Map.of("securityGroupId", securityGroupId, "stackId", stack.id()));
    }

    /** The rotation schedule and its AWS-hosted function, as CloudFormation JSON. */
    static String template(String secretArn, String kmsKeyArn, List<String> privateSubnetIds, String securityGroupId,
                           MasterSecretRotationArgs args) {
        var lambda = new LinkedHashMap<String, Object>();
        lambda.put("RotationType", ROTATION_TYPE);
        lambda.put("RotationLambdaName", args.functionName());
        lambda.put("KmsKeyArn", kmsKeyArn);
        lambda.put("ExcludeCharacters", MasterSecretRotationArgs.EXCLUDE_CHARACTERS);
        lambda.put("VpcSubnetIds", String.join(",", privateSubnetIds));
        lambda.put("VpcSecurityGroupIds", securityGroupId);
        var properties = new LinkedHashMap<String, Object>();
        properties.put("SecretId", secretArn);
        properties.put("HostedRotationLambda", lambda);
        properties.put("RotationRules", Map.of("AutomaticallyAfterDays", args.rotationDays()));
        var templateMap = new LinkedHashMap<String, Object>();
        templateMap.put("AWSTemplateFormatVersion", "2010-09-09");
        templateMap.put("Transform", TRANSFORM);
        templateMap.put("Description", "Rotates the Aurora master secret of data domain " + args.domain() + " (acgs2-infra)");
        templateMap.put("Resources", Map.of("MasterSecretRotation", Map.of(
                "Type", "AWS::SecretsManager::RotationSchedule", "Properties", properties)));
        return Json.write(templateMap);
    }
}
