package io.acgs2.components.common;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An IAM role for one Kubernetes service account through EKS Pod Identity: the role (assumed only by
 * pods.eks.amazonaws.com of this account, sessions of an hour), its one inline policy, and the
 * association, made after the account and the policy exist (a pod reads the association when it
 * is created). Children {@code <name>-role}, {@code <name>-policy} (under the role) and
 * {@code <name>-pod-identity}, parented to {@code parent}.
 *
 * @param role        the role
 * @param association the association (pods wait for it)
 */
public record PodIdentityRole(Role role, PodIdentityAssociation association) {

    public static PodIdentityRole create(Resource parent, String name, String description, Map<String, String> extraTags,
                                  Output<String> accountId, Output<String> policy, Output<String> clusterName, String namespace,
                                  String serviceAccount, Resource account) {
        var tags = new TreeMap<>(Tags.name(name));
        tags.putAll(extraTags);
        var role = new Role(name + "-role", RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(accountId.applyValue(PodIdentity::trustPolicy))
                .maxSessionDuration(3600)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var inline = new RolePolicy(name + "-policy", RolePolicyArgs.builder()
                .role(role.name())
                .policy(policy)
                .build(), CustomResourceOptions.builder().parent(role).build());
        var association = new PodIdentityAssociation(name + "-pod-identity", PodIdentityAssociationArgs.builder()
                .clusterName(clusterName)
                .namespace(namespace)
                .serviceAccount(serviceAccount)
                .roleArn(role.arn())
                .tags(Tags.name(name + "-pod-identity"))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(List.of(account, inline)).build());
        return new PodIdentityRole(role, association);
    }

    /** The first {@code length} hex digits of the SHA-256 of the parts: names and revisions that change with content. */
    public static String digest(int length, String... parts) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            for (var p : parts) {
                md.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, length);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
