package io.acgs2.components.compute;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kubernetes minors this program deploys, with the EKS calendar and the managed add-on versions
 * pinned for each: the one table to update when AWS publishes a version (check with
 * {@code aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <addon>}).
 */
public final class KubernetesVersions {

    /** The default for new clusters: in standard support (1.34 leaves it on 2026-12-02). */
    public static final String DEFAULT = "1.35";

    /** @param addons managed add-on name to its pinned version */
    public record Minor(Map<String, String> addons) {
    }

    public static final String VPC_CNI = "vpc-cni";
    public static final String COREDNS = "coredns";
    public static final String KUBE_PROXY = "kube-proxy";
    public static final String EBS_CSI = "aws-ebs-csi-driver";
    public static final String POD_IDENTITY_AGENT = "eks-pod-identity-agent";

    // Add-ons not tied to a minor move together; coredns and kube-proxy follow the minor. The
    // coredns and kube-proxy pins for 1.35 and kube-proxy for 1.36 are from the EKS user guide's
    // version tables; the others could not be checked against describe-addon-versions here: check
    // them (command above) before the first `pulumi up`, or override per stack with
    // eks.addonVersions.
    private static final String VPC_CNI_VERSION = "v1.21.1-eksbuild.1";
    private static final String EBS_CSI_VERSION = "v1.53.0-eksbuild.1";
    private static final String POD_IDENTITY_AGENT_VERSION = "v1.3.10-eksbuild.1";

    // 1.34 leaves standard support on 2026-12-02: not offered for new clusters.
    private static final Map<String, Minor> MINORS = new TreeMap<>(Map.of(
            "1.35", minor("v1.14.2-eksbuild.4", "v1.35.3-eksbuild.13"),
            "1.36", minor("v1.14.2-eksbuild.4", "v1.36.0-eksbuild.14")));

    private KubernetesVersions() {
    }

    private static Minor minor(String coredns, String kubeProxy) {
        return new Minor(Map.of(
                VPC_CNI, VPC_CNI_VERSION,
                COREDNS, coredns,
                KUBE_PROXY, kubeProxy,
                EBS_CSI, EBS_CSI_VERSION,
                POD_IDENTITY_AGENT, POD_IDENTITY_AGENT_VERSION));
    }

    public static Optional<Minor> of(String version) {
        return Optional.ofNullable(MINORS.get(version));
    }

    public static java.util.Set<String> supported() {
        return MINORS.keySet();
    }
}
