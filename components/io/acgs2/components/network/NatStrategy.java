package io.acgs2.components.network;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** How private subnets reach the internet. */
public enum NatStrategy implements ConfigValue {
    /** No NAT gateway: private subnets have no default route (fully private regions, VPC endpoints only). */
    NONE("none"),
    /** One NAT gateway in the first AZ: cheaper, but an AZ outage cuts egress for all AZs. */
    SINGLE("single"),
    /** One NAT gateway per AZ: egress survives the loss of an AZ. The default. */
    ONE_PER_AZ("one-per-az");

    private final String configValue;

    NatStrategy(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static Optional<NatStrategy> fromConfig(String value) {
        return ConfigValue.parse(NatStrategy.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(NatStrategy.class);
    }

    /** How many NAT gateways this strategy creates for {@code azCount} AZs. */
    public int gatewayCount(int azCount) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case ONE_PER_AZ -> azCount;
        };
    }

    /** The index of the NAT gateway serving AZ {@code azIndex}, if any. */
    public Optional<Integer> gatewayFor(int azIndex) {
        return switch (this) {
            case NONE -> Optional.empty();
            case SINGLE -> Optional.of(0);
            case ONE_PER_AZ -> Optional.of(azIndex);
        };
    }
}
