package io.acgs2.stacks.config;

import io.acgs2.components.mesh.MeshCaSettings;

import java.util.Set;

/**
 * {@code acgs2-infra:meshCa} (project): the mesh's certificate authority,
 * {@code {root: generated|provided, rootValidityDays, intermediateValidityDays, earlyRenewalDays}}.
 * Optional. {@code generated} (the default): the founding region creates the root and every region
 * signs its intermediate with it. {@code provided} (the production choice): the root stays offline;
 * each stack file carries its region's intermediate, signed offline, as the secret
 * {@code acgs2-infra:meshIntermediate} ({@link MeshCaSettings#PROVIDED_KEY}).
 */
public final class MeshCaSection extends BaseSection<MeshCaSettings> {

    public static final MeshCaSection SECTION = new MeshCaSection();
    public static final String KEY = ConfigParser.PROJECT + ":meshCa";

    private MeshCaSection() {
        super(KEY, Scope.PROJECT);
    }

    @Override
    public MeshCaSettings parse(SectionInput in) {
        var d = MeshCaSettings.defaults();
        var node = in.object(KEY, false, "");
        if (node.isEmpty()) {
            return d;
        }
        var n = node.get();
        in.unknownFields(n, Set.of("root", "rootValidityDays", "intermediateValidityDays", "earlyRenewalDays"), KEY);
        var root = SectionInput.text(n.get("root")).orElse(d.root());
        var settings = new MeshCaSettings(root,
                in.integer(n.get("rootValidityDays"), KEY + ".rootValidityDays", "write days, e.g. 3650").orElse(d.rootValidityDays()),
                in.integer(n.get("intermediateValidityDays"), KEY + ".intermediateValidityDays", "write days, e.g. 365")
                        .orElse(d.intermediateValidityDays()),
                in.integer(n.get("earlyRenewalDays"), KEY + ".earlyRenewalDays", "write days, e.g. 30").orElse(d.earlyRenewalDays()));
        settings.validate().forEach(f -> in.add(KEY + "." + f.field(), f.finding()));
        return settings;
    }
}
