package io.acgs2.components.network;

import com.pulumi.core.Output;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of {@link TransitPeering}: the link between the region that owns it (the one that joined
 * later, "local") and an earlier region ("peer"), whose side is reached through {@code peerProvider}.
 *
 * @param localRegion             the owning region
 * @param localTransitGatewayId   its Transit Gateway
 * @param localRouteTableId       its Transit Gateway route table
 * @param localCidrs              its VPC CIDRs (routed to from the peer)
 * @param localPrivateRouteTables its private route table ids, one per AZ
 * @param localAzCount            how many private route tables it has
 * @param localAttachment         its VPC attachment; local VPC routes wait for it
 * @param peerRegion              the earlier region
 * @param peerAccountId           the AWS account of the peer's Transit Gateway
 * @param peerTransitGatewayId    the peer's Transit Gateway (from its stack's outputs)
 * @param peerRouteTableId        the peer's Transit Gateway route table
 * @param peerCidrs               the peer's VPC CIDRs
 * @param peerPrivateRouteTables  the peer's private route table ids, one per AZ
 * @param peerAzCount             how many private route tables the peer has (from its stack file)
 * @param peerProvider            the AWS provider for the peer region
 */
public record TransitPeeringArgs(String localRegion, Output<String> localTransitGatewayId, Output<String> localRouteTableId,
                                 List<Ipv4Cidr> localCidrs, Output<List<String>> localPrivateRouteTables,
                                 int localAzCount, Resource localAttachment,
                                 String peerRegion, Output<String> peerAccountId, Output<String> peerTransitGatewayId,
                                 Output<String> peerRouteTableId, List<Ipv4Cidr> peerCidrs,
                                 Output<List<String>> peerPrivateRouteTables, int peerAzCount,
                                 ProviderResource peerProvider) {

    public TransitPeeringArgs {
        localCidrs = List.copyOf(localCidrs);
        peerCidrs = List.copyOf(peerCidrs);
        var problems = new ArrayList<String>();
        if (localRegion.equals(peerRegion)) {
            problems.add("peerRegion equals localRegion " + localRegion + ": a Transit Gateway peers only across regions");
        }
        if (peerProvider == null) {
            problems.add("peerProvider is required: pass the AWS provider of " + peerRegion);
        }
        for (var l : localCidrs) {
            for (var p : peerCidrs) {
                if (l.overlaps(p)) {
                    problems.add("local CIDR " + l + " overlaps peer CIDR " + p + ": routes would be ambiguous");
                }
            }
        }
        if (localAzCount < 1 || peerAzCount < 1) {
            problems.add("localAzCount and peerAzCount must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TransitPeeringArgs: " + String.join("; ", problems));
        }
    }
}
