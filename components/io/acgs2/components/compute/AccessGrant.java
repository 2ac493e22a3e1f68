package io.acgs2.components.compute;

import java.util.List;

/**
 * Who gets Kubernetes API access: an IAM principal, the EKS access policy it is associated with, and
 * optionally the namespaces it is limited to.
 *
 * @param principalArn an IAM role (or user) ARN
 * @param level        the access policy
 * @param namespaces   empty: the whole cluster; else only these namespaces
 */
public record AccessGrant(String principalArn, AccessLevel level, List<String> namespaces) {
    public AccessGrant {
        namespaces = List.copyOf(namespaces);
    }
}
