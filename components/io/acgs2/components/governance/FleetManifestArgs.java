package io.acgs2.components.governance;

import io.acgs2.components.common.ArgsProblems;

/** Inputs of {@link FleetManifest}. Build with {@link #builder()}. */
public final class FleetManifestArgs {

    private final FleetManifestDocument manifest;

    private FleetManifestArgs(FleetManifestDocument manifest) {
        this.manifest = manifest;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The residency facts the region publishes about the fleet. Required; must be self-consistent. */
    public FleetManifestDocument manifest() {
        return manifest;
    }

    public static final class Builder {
        private FleetManifestDocument manifest;

        private Builder() {
        }

        public Builder manifest(FleetManifestDocument manifest) {
            this.manifest = manifest;
            return this;
        }

        public FleetManifestArgs build() {
            var p = new ArgsProblems("FleetManifestArgs");
            if (p.require("manifest", manifest, "pass the fleet's manifest document") != null) {
                var m = manifest;
                if (!m.zones().containsKey(m.zone())) {
                    p.add("manifest.zone", "zone '" + m.zone() + "' is not among " + m.zones().keySet(),
                            "declare the region's zone in zones");
                } else if (!m.zones().get(m.zone()).contains(m.region())) {
                    p.add("manifest.region", m.region() + " is not allowed by zone " + m.zone(),
                            "publish the manifest only from a region its zone allows");
                }
                if (m.fleet().stream().noneMatch(f -> f.region().equals(m.region()))) {
                    p.add("manifest.fleet", "does not list the manifest's own region " + m.region(), "list every region");
                }
                m.restrictedZones().stream().filter(z -> !m.zones().containsKey(z)).forEach(z ->
                        p.add("manifest.restrictedZones", "zone '" + z + "' is not among " + m.zones().keySet(),
                                "list only declared zones"));
            }
            p.throwIfAny();
            return new FleetManifestArgs(manifest);
        }
    }
}
