package io.acgs2.components.network;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;

/** Inputs of {@link TransitHub}. Build with {@link #builder()}. */
public final class TransitHubArgs {

    public static final int FIRST_PRIVATE_ASN = 64512;
    public static final int LAST_PRIVATE_ASN = 65534;

    private final Output<String> vpcId;
    private final Output<List<String>> attachmentSubnetIds;
    private final int amazonSideAsn;

    private TransitHubArgs(Builder b) {
        this.vpcId = b.vpcId;
        this.attachmentSubnetIds = b.attachmentSubnetIds;
        this.amazonSideAsn = b.amazonSideAsn;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fleet's ASN scheme: one private ASN per join order, so no two regions share one. */
    public static int asnFor(int joinOrder) {
        return FIRST_PRIVATE_ASN + joinOrder;
    }

    /** The VPC to attach. Required. */
    public Output<String> vpcId() {
        return vpcId;
    }

    /** One subnet per AZ for the attachment (the private tier). Required. */
    public Output<List<String>> attachmentSubnetIds() {
        return attachmentSubnetIds;
    }

    /**
     * The gateway's BGP ASN, unique in the fleet, 64512 to 65534. Required; derive it with
     * {@link #asnFor(int)}. Changing it replaces the gateway.
     */
    public int amazonSideAsn() {
        return amazonSideAsn;
    }

    public static final class Builder {
        private Output<String> vpcId;
        private Output<List<String>> attachmentSubnetIds;
        private Integer amazonSideAsn;

        private Builder() {
        }

        public Builder vpcId(Output<String> vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public Builder attachmentSubnetIds(Output<List<String>> ids) {
            this.attachmentSubnetIds = ids;
            return this;
        }

        public Builder amazonSideAsn(int asn) {
            this.amazonSideAsn = asn;
            return this;
        }

        public TransitHubArgs build() {
            var p = new ArgsProblems("TransitHubArgs");
            p.require("vpcId", vpcId, "pass the network's vpcId");
            p.require("attachmentSubnetIds", attachmentSubnetIds, "pass the network's privateSubnetIds");
            if (p.require("amazonSideAsn", amazonSideAsn, "pass TransitHubArgs.asnFor(joinOrder)") != null
                    && (amazonSideAsn < FIRST_PRIVATE_ASN || amazonSideAsn > LAST_PRIVATE_ASN)) {
                p.add("amazonSideAsn", amazonSideAsn + " is not a private ASN (" + FIRST_PRIVATE_ASN + " to "
                        + LAST_PRIVATE_ASN + ")", "derive it with TransitHubArgs.asnFor(joinOrder)");
            }
            p.throwIfAny();
            return new TransitHubArgs(this);
        }
    }
}
