package io.acgs2.components.network;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Inputs of {@link TransitHub}.
 *
 * @param vpcId               the VPC to attach. Required.
 * @param attachmentSubnetIds one subnet per AZ for the attachment (the private tier). Required.
 * @param amazonSideAsn       the Transit Gateway's BGP ASN, unique in the fleet, 64512 to 65534.
 *                            Derive it with {@link #asnFor(int)}: changing it replaces the gateway.
 */
public record TransitHubArgs(Output<String> vpcId, Output<List<String>> attachmentSubnetIds, int amazonSideAsn) {

    public static final int FIRST_PRIVATE_ASN = 64512;
    public static final int LAST_PRIVATE_ASN = 65534;

    public TransitHubArgs {
        if (vpcId == null || attachmentSubnetIds == null) {
            throw new IllegalArgumentException("TransitHubArgs: vpcId and attachmentSubnetIds are required");
        }
        if (amazonSideAsn < FIRST_PRIVATE_ASN || amazonSideAsn > LAST_PRIVATE_ASN) {
            throw new IllegalArgumentException("TransitHubArgs: amazonSideAsn " + amazonSideAsn + " must be a private ASN, "
                    + FIRST_PRIVATE_ASN + " to " + LAST_PRIVATE_ASN);
        }
    }

    /** The fleet's ASN scheme: one private ASN per join order, so no two regions share one. */
    public static int asnFor(int joinOrder) {
        return FIRST_PRIVATE_ASN + joinOrder;
    }
}
