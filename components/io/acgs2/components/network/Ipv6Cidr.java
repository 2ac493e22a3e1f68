package io.acgs2.components.network;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv6 blocks: the /64 subnets of a VPC's Amazon-provided /56. Pure. */
public final class Ipv6Cidr {

    private Ipv6Cidr() {
    }

    /**
     * The {@code index}th /64 of a /56 (256 of them), in the compressed form AWS returns, e.g.
     * {@code subnet64("2600:1f18:abcd:ef00::/56", 2)} is {@code 2600:1f18:abcd:ef02::/64}.
     */
    public static String subnet64(String block56, int index) {
        var slash = block56.indexOf('/');
        if (slash < 0 || !block56.substring(slash + 1).equals("56")) {
            throw new IllegalArgumentException("'" + block56 + "' is not an IPv6 /56");
        }
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("a /56 holds /64 number 0 to 255, not " + index);
        }
        try {
            var address = InetAddress.getByName(block56.substring(0, slash));
            if (!(address instanceof Inet6Address)) {
                throw new IllegalArgumentException("'" + block56 + "' is not an IPv6 block");
            }
            var value = new BigInteger(1, address.getAddress());
            if (!value.and(BigInteger.ONE.shiftLeft(72).subtract(BigInteger.ONE)).equals(BigInteger.ZERO)) {
                throw new IllegalArgumentException("'" + block56 + "' has host bits set");
            }
            var subnet = value.add(BigInteger.valueOf(index).shiftLeft(64));
            return compress(subnet) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + block56 + "' is not an IPv6 block", e);
        }
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of zero groups as "::". */
    static String compress(BigInteger value) {
        var groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = value.shiftRight(16 * (7 - g)).and(BigInteger.valueOf(0xffff)).intValue();
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        var sb = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append(g == 0 ? "::" : ":");
                g += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(groups[g]));
            if (g < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
