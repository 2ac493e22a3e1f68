package io.acgs2.components.mesh;

/** The one place the Istio release is pinned (charts base, cni, istiod, gateway, all the same version). */
public final class IstioVersions {

    /**
     * Istio 1.31.1 (2026-09-21, supports Kubernetes 1.32 to 1.36). Upgrade here, one minor at a time,
     * as the README's mesh upgrade steps say.
     */
    public static final String VERSION = "1.31.1";
    /**
     * From 1.31 Istio publishes its charts here, no longer on istio-release.storage.googleapis.com
     * (the 1.31 upgrade notes; OCI copies at ghcr.io/istio/release/charts).
     */
    public static final String CHART_REPO = "https://blob.istio.io/istio-release/charts";

    private IstioVersions() {
    }
}
