package io.acgs2.components.compute;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The EKS upgrade policy's support type. */
public enum SupportType {
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

    public String configValue() {
        return configValue;
    }

    /** The value of {@code upgradePolicy.supportType}. */
    public String apiValue() {
        return apiValue;
    }

    public static Optional<SupportType> fromConfig(String value) {
        return Arrays.stream(values()).filter(v -> v.configValue.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(SupportType::configValue).collect(Collectors.joining(", "));
    }
}
