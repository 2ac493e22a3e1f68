package io.acgs2.components.network;

/** The three subnet tiers of a regional VPC. */
public enum SubnetTier {
    /** Load balancers and NAT gateways; the only tier with a route to the internet gateway. */
    PUBLIC("public"),
    /** Workloads (EKS nodes, Kafka); egress through NAT, peer regions through the Transit Gateway. */
    PRIVATE("private"),
    /** Data stores; no route out of the VPC at all. */
    ISOLATED("isolated");

    private final String label;

    SubnetTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
