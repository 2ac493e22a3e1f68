package io.acgs2.components.compute;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who can reach a cluster's Kubernetes API. */
public enum EndpointAccess {
    /**
     * Only from inside the VPC (and networks routed to it: peer regions over the Transit Gateway, a
     * VPN). The default: `pulumi up` then runs on a runner inside the VPC or a peered network.
     */
    PRIVATE("private"),
    /**
     * Also from the internet, but only from the CIDRs in {@code publicAccessCidrs} (never 0.0.0.0/0).
     * The API stays authenticated (IAM + access entries); the exposure is the endpoint itself.
     */
    PUBLIC_AND_PRIVATE("public-and-private");

    private final String configValue;

    EndpointAccess(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<EndpointAccess> fromConfig(String value) {
        return Arrays.stream(values()).filter(v -> v.configValue.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(EndpointAccess::configValue).collect(Collectors.joining(", "));
    }
}
