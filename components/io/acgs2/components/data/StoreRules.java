package io.acgs2.components.data;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;

import java.util.List;
import java.util.regex.Pattern;

/** The rules every data store's args share: where the member lives, and the network it gets. */
final class StoreRules {

    static final Pattern LABEL = Pattern.compile("^[a-z]([a-z0-9-]{0,28}[a-z0-9])?$");
    static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

    private StoreRules() {
    }

    /** Whether a domain and a region are both valid (other names are built from them). */
    static boolean valid(String domain, String region) {
        return domain != null && region != null && LABEL.matcher(domain).matches() && REGION.matcher(region).matches();
    }

    static void placement(ArgsProblems p, String domain, String zone, String region) {
        if (p.require("domain", domain, "pass the data domain's name") != null && !LABEL.matcher(domain).matches()) {
            p.add("domain", "'" + domain + "' is not a lower-case label of at most 30 characters", "use e.g. gdpr-tenants");
        }
        if (p.require("zone", zone, "pass the zone the data lives in (the region's zone for a global domain)") != null
                && !LABEL.matcher(zone).matches()) {
            p.add("zone", "'" + zone + "' is not a zone name", "use a zone of Pulumi.yaml, e.g. gdpr");
        }
        if (p.require("region", region, "pass the region of the component's provider") != null
                && !REGION.matcher(region).matches()) {
            p.add("region", "'" + region + "' is not an AWS region name", "write e.g. eu-west-1");
        }
    }

    static void network(ArgsProblems p, Output<List<String>> isolatedSubnetIds, Output<String> vpcId,
                        Output<String> clientSecurityGroupId) {
        p.require("isolatedSubnetIds", isolatedSubnetIds, "pass the network's isolated subnet ids");
        p.require("vpcId", vpcId, "pass the network's vpcId");
        p.require("clientSecurityGroupId", clientSecurityGroupId, "pass the EKS cluster's clusterSecurityGroupId");
    }
}
