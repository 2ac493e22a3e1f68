package io.acgs2.components.compute;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An EKS access policy an access entry is associated with. */
public enum AccessLevel {
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

    public String configValue() {
        return configValue;
    }

    /** arn:&lt;partition&gt;:eks::aws:cluster-access-policy/&lt;name&gt;. */
    public String policyArn(String partition) {
        return "arn:" + partition + ":eks::aws:cluster-access-policy/" + policyName;
    }

    public static Optional<AccessLevel> fromConfig(String value) {
        return Arrays.stream(values()).filter(v -> v.configValue.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(AccessLevel::configValue).collect(Collectors.joining(", "));
    }
}
