package io.acgs2.components.mesh;

import io.acgs2.components.common.FieldFinding;
import io.acgs2.components.common.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * The mesh CA's lifetimes and where its root comes from.
 *
 * @param root                     {@link #GENERATED} (the founding region creates the root; its key lives only
 *                                 as a secret in that stack's state and outputs) or {@link #PROVIDED} (the root
 *                                 stays offline; each region's intermediate comes signed, as secret config)
 * @param rootValidityDays         Default: 3650 (Istio's own tooling: 10 years)
 * @param intermediateValidityDays Default: 365
 * @param earlyRenewalDays         a certificate is re-issued this long before it expires, at the next
 *                                 {@code pulumi up}. Default: 30
 */
public record MeshCaSettings(String root, int rootValidityDays, int intermediateValidityDays, int earlyRenewalDays) {

    public static final String GENERATED = "generated";
    public static final String PROVIDED = "provided";
    /** The stack key of a provided intermediate: a secret JSON {certPem, keyPem, rootCertPem}. */
    public static final String PROVIDED_KEY = "meshIntermediate";

    public static MeshCaSettings defaults() {
        return new MeshCaSettings(GENERATED, 3650, 365, 30);
    }

    public List<FieldFinding> validate() {
        var out = new ArrayList<FieldFinding>();
        if (!GENERATED.equals(root) && !PROVIDED.equals(root)) {
            out.add(new FieldFinding("root", new Finding("'" + root + "' is not a root source", "use generated or provided")));
        }
        if (intermediateValidityDays < 2 || intermediateValidityDays >= rootValidityDays) {
            out.add(new FieldFinding("intermediateValidityDays", new Finding(intermediateValidityDays + " days (root: "
                    + rootValidityDays + ")", "keep an intermediate shorter-lived than the root, e.g. 365 and 3650")));
        }
        if (earlyRenewalDays < 1 || earlyRenewalDays >= intermediateValidityDays) {
            out.add(new FieldFinding("earlyRenewalDays", new Finding("is " + earlyRenewalDays,
                    "renew at least a day early and before the intermediate expires, e.g. 30")));
        }
        return out;
    }
}
