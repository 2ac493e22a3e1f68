package io.acgs2.components.compute;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** An EKS access policy an access entry is associated with. */
public enum AccessLevel implements ConfigValue {
    CLUSTER_ADMIN("cluster-admin", "AmazonEKSClusterAdminPolicy"),
    ADMIN("admin", "AmazonEKSAdminPolicy"),
    EDIT("edit", "AmazonEKSEditPolicy"),
    VIEW("view", "AmazonEKSViewPolicy");

    private final String configValue;
    private final String policyName;

    AccessLevel(String configValue, String policyName) {
        this.configValue = configValue;
        this.policyName = policyName;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** arn:&lt;partition&gt;:eks::aws:cluster-access-policy/&lt;name&gt;. */
    public String policyArn(String partition) {
        return "arn:" + partition + ":eks::aws:cluster-access-policy/" + policyName;
    }

    public static Optional<AccessLevel> fromConfig(String value) {
        return ConfigValue.parse(AccessLevel.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(AccessLevel.class);
    }
}
