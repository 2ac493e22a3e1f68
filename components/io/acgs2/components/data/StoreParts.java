package io.acgs2.components.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.common.Tags;

import java.util.Map;

/**
 * What every data store of a region has the same way: its own rotating customer key (kept on
 * destroy: a deleted key makes snapshots and backups unreadable) and a security group that admits
 * only the EKS cluster's security group on the store's port. Children of the store's component.
 *
 * @param owner the store's component (the parent of both pieces)
 * @param name  the component's name (pieces are {@code <name>-key}, {@code <name>-sg}, ...)
 * @param tags  the store's data tags (zone, domain)
 */
record StoreParts(Resource owner, String name, Map<String, String> tags) {

    Key key(String alias, String description, AwsFacts facts) {
        var key = new Key(name + "-key", KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(facts.partition(), facts.accountId())
                        .applyValue(t -> AuroraGlobalDatabase.accountOnlyKeyPolicy(t.t1, t.t2)))
                .tags(Tags.name(name + "-key", tags))
                .build(), CustomResourceOptions.builder().parent(owner).retainOnDelete(true).build());
        new Alias(name + "-key", AliasArgs.builder().name(alias).targetKeyId(key.keyId()).build(),
                CustomResourceOptions.builder().parent(key).build());
        return key;
    }

    /** No egress rules (the provider removes AWS's default allow-all; a store opens no connections). */
    SecurityGroup clientOnlySecurityGroup(String description, Output<String> vpcId, Output<String> clientSecurityGroupId,
                                          int port, String protocolName) {
        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .description(description)
                .vpcId(vpcId)
                .tags(Tags.name(name + "-sg", tags))
                .build(), CustomResourceOptions.builder().parent(owner).build());
        new SecurityGroupIngressRule(name + "-from-eks", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .referencedSecurityGroupId(clientSecurityGroupId)
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .description(protocolName + " from the EKS cluster security group")
                .tags(Tags.name(name + "-from-eks"))
                .build(), CustomResourceOptions.builder().parent(sg).build());
        return sg;
    }
}
