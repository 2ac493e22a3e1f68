package io.acgs2.stacks.config;

/** {@code acgs2-infra:meshId} (project): the Istio mesh id shared by every region. Default: acgs2-mesh. */
public final class MeshIdSection extends BaseSection<String> {

    public static final MeshIdSection SECTION = new MeshIdSection();
    public static final String KEY = ConfigParser.PROJECT + ":meshId";
    public static final String DEFAULT = "acgs2-mesh";

    private MeshIdSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public String parse(SectionInput in) {
        var meshId = in.raw(KEY).orElse(DEFAULT);
        if (!MeshSection.DNS_LABEL.matcher(meshId).matches()) {
            in.add(KEY, "'" + meshId + "' is not a lower-case DNS label", "use e.g. " + DEFAULT);
        }
        return meshId;
    }
}
