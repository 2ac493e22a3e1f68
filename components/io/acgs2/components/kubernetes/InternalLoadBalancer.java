package io.acgs2.components.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Service annotations of an internal NLB made by the AWS Load Balancer Controller: IP targets,
 * and a security group of ours instead of the controller's (so a peering link can open it to a peer
 * VPC and nothing else), with the controller still opening the targets to it.
 */
public final class InternalLoadBalancer {

    private InternalLoadBalancer() {
    }

    public static Map<String, String> annotations(String securityGroupId) {
        var a = new LinkedHashMap<String, String>();
        a.put("service.beta.kubernetes.io/aws-load-balancer-type", "external");
        a.put("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal");
        a.put("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip");
        a.put("service.beta.kubernetes.io/aws-load-balancer-security-groups", securityGroupId);
        // with our own security group the controller must be told to open the targets to it
        a.put("service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules", "true");
        return a;
    }
}
