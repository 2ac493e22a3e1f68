package io.acgs2.components.compute;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** Who can reach a cluster's Kubernetes API. */
public enum EndpointAccess implements ConfigValue {
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

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<EndpointAccess> fromConfig(String value) {
        return ConfigValue.parse(EndpointAccess.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(EndpointAccess.class);
    }
}
