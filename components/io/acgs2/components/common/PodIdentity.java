package io.acgs2.components.common;

import java.util.List;
import java.util.Map;

/** EKS Pod Identity: the trust policy of a role that only the pods.eks.amazonaws.com service of this account assumes. */
public final class PodIdentity {

    private PodIdentity() {
    }

    /** sts:AssumeRole and sts:TagSession (the agent tags the session with the cluster, namespace and service account). */
    public static String trustPolicy(String accountId) {
        return Json.write(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Sid", "EksPodIdentity",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "pods.eks.amazonaws.com"),
                        "Action", List.of("sts:AssumeRole", "sts:TagSession"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))));
    }
}
