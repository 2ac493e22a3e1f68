package io.acgs2.stacks.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code acgs2-infra:mesh} (stack): the region's place in the Istio mesh. Optional.
 * Fields: {@code network}, the region's Istio network name, unique. Default: network-&lt;region&gt;.
 */
public final class MeshSection extends BaseSection<MeshSection.Config> {

    public static final MeshSection SECTION = new MeshSection();
    public static final String KEY = ConfigParser.PROJECT + ":mesh";
    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    /** @param network the region's Istio network name */
    public record Config(String network) {
    }

    private MeshSection() {
        super(KEY, Scope.STACK);
    }

    public static String defaultNetwork(String region) {
        return "network-" + region;
    }

    @Override
    public Config parse(SectionInput in) {
        var region = in.parsed(AwsRegionSection.SECTION).orElse(in.stack());
        var network = defaultNetwork(region);
        var mesh = in.object(KEY, false, "");
        if (mesh.isPresent()) {
            in.unknownFields(mesh.get(), Set.of("network"), KEY);
            var name = SectionInput.text(mesh.get().get("network"));
            if (name.isPresent()) {
                if (!DNS_LABEL.matcher(name.get()).matches()) {
                    in.add(KEY + ".network", "'" + name.get() + "' is not a lower-case DNS label", "use e.g. " + defaultNetwork(region));
                }
                network = name.get();
            }
        }
        return new Config(network);
    }
}
