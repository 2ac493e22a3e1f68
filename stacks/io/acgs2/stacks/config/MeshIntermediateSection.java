package io.acgs2.stacks.config;

import io.acgs2.components.mesh.MeshCaSettings;

/**
 * {@code acgs2-infra:meshIntermediate} (stack, secret): with {@code meshCa.root: provided}, the
 * region's intermediate CA signed offline, as JSON {@code {certPem, keyPem, rootCertPem}}, set with
 * {@code pulumi config set --secret acgs2-infra:meshIntermediate "$(cat bundle.json)"}. Only its
 * presence and secrecy are checked here (the offline plan cannot decrypt it); the program parses it.
 */
public final class MeshIntermediateSection extends BaseSection<Boolean> {

    public static final MeshIntermediateSection SECTION = new MeshIntermediateSection();
    public static final String KEY = ConfigParser.PROJECT + ":" + MeshCaSettings.PROVIDED_KEY;

    private MeshIntermediateSection() {
        super(KEY, Scope.STACK);
    }

    @Override
    public Boolean parse(SectionInput in) {
        var ca = in.settings() == null ? null : in.settings().section(MeshCaSection.SECTION);
        var provided = ca != null && MeshCaSettings.PROVIDED.equals(ca.root());
        var present = in.raw(KEY).isPresent();
        if (provided && !present) {
            in.add(KEY, "is missing, and " + MeshCaSection.KEY + ".root is provided",
                    "sign this region's intermediate offline and run: pulumi config set --secret " + KEY
                            + " '{\"certPem\": ..., \"keyPem\": ..., \"rootCertPem\": ...}'");
        } else if (!provided && present) {
            in.add(KEY, "is set, but " + MeshCaSection.KEY + ".root is generated", "remove it, or set " + MeshCaSection.KEY
                    + ".root: provided in Pulumi.yaml");
        }
        return present;
    }
}
