package io.acgs2.stacks.config;

import io.acgs2.components.network.Ipv4Cidr;

import java.util.List;

/**
 * One region of the fleet: everything its stack file says, as typed sections. The accessors below
 * are the facts the fleet checks and the layers use; a layer reads its own section with
 * {@link #section(ConfigSection)}.
 */
public final class RegionSpec {

    private final String stack;
    private final SectionValues sections;

    RegionSpec(String stack, SectionValues sections) {
        this.stack = stack;
        this.sections = sections;
    }

    public static String fileOf(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /** A section's parsed value, or null when the section is optional and absent. */
    public <T> T section(ConfigSection<T> section) {
        return sections.get(section);
    }

    /** The stack name (Pulumi.&lt;stack&gt;.yaml). */
    public String stack() {
        return stack;
    }

    /** The stack file name, for messages. */
    public String file() {
        return fileOf(stack);
    }

    /** The AWS region (aws:region). */
    public String region() {
        return sections.get(AwsRegionSection.SECTION);
    }

    /** The sovereignty zone the region belongs to ("" when the stack file has none). */
    public String zone() {
        var zone = sections.get(ZoneSection.SECTION);
        return zone == null ? "" : zone;
    }

    /** Whether this is the founding region (exactly one in the fleet). */
    public boolean founding() {
        return sections.get(FleetSection.SECTION).founding();
    }

    /** The order in which the region joined (founding = 0); later regions own the links to earlier ones. */
    public int joinOrder() {
        return sections.get(FleetSection.SECTION).joinOrder();
    }

    /** The network section. */
    public NetworkSection.Config network() {
        return sections.get(NetworkSection.SECTION);
    }

    /** Primary then secondary CIDRs. */
    public List<Ipv4Cidr> allCidrs() {
        return network().allCidrs();
    }

    /** Primary then secondary CIDRs, as text (security group rules and network policies take them so). */
    public List<String> cidrTexts() {
        return allCidrs().stream().map(Object::toString).toList();
    }

    /** The AZ count the region's network has. */
    public int azCount() {
        return network().effectiveAzCount();
    }

    /** The Istio network name of this region's cluster. */
    public String meshNetwork() {
        return sections.get(MeshSection.SECTION).network();
    }

    /** The AWS partition the region is in: regions of different partitions cannot peer. */
    public String partition() {
        return partitionOf(region());
    }

    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    @Override
    public String toString() {
        return "RegionSpec[" + stack + ", " + region() + ", zone " + zone() + ", joinOrder " + joinOrder() + "]";
    }
}
