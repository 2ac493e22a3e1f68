package io.acgs2.components.compute;

import io.acgs2.components.common.ConfigValue;

import java.util.Optional;

/** The EKS upgrade policy's support type. */
public enum SupportType implements ConfigValue {
    /**
     * The default: when a version leaves standard support, EKS upgrades the control plane. No surprise
     * bill; keep upgrading on the calendar instead.
     */
    STANDARD("standard", "STANDARD"),
    /** Opt-in: stay on a version after standard support, billed at a multiple of the standard price. */
    EXTENDED("extended", "EXTENDED");

    private final String configValue;
    private final String apiValue;

    SupportType(String configValue, String apiValue) {
        this.configValue = configValue;
        this.apiValue = apiValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The value of {@code upgradePolicy.supportType}. */
    public String apiValue() {
        return apiValue;
    }

    public static Optional<SupportType> fromConfig(String value) {
        return ConfigValue.parse(SupportType.class, value);
    }

    public static String allowedValues() {
        return ConfigValue.allowed(SupportType.class);
    }
}
