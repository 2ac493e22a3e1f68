package io.acgs2.components.network;

import java.util.Optional;

/**
 * An IPv4 CIDR block, parsed and normalised. Pure value type: the planner and the fleet checks
 * both use it, so "overlap" means the same thing everywhere.
 */
public record Ipv4Cidr(long network, int prefix) implements Comparable<Ipv4Cidr> {

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32: " + prefix);
        }
        if ((network & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            throw new IllegalArgumentException("host bits set in " + format(network) + "/" + prefix);
        }
    }

    /** Parses "a.b.c.d/n"; empty when the text is not a CIDR or has host bits set. */
    public static Optional<Ipv4Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        var octets = parts[0].split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        try {
            for (var o : octets) {
                if (o.isEmpty() || o.length() > 3) {
                    return Optional.empty();
                }
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) {
                    return Optional.empty();
                }
                value = (value << 8) | v;
            }
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > 32 || (value & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
                return Optional.empty();
            }
            return Optional.of(new Ipv4Cidr(value, prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Ipv4Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR: " + text));
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return network + size() - 1;
    }

    public boolean overlaps(Ipv4Cidr other) {
        return network <= other.last() && other.network <= last();
    }

    public boolean contains(Ipv4Cidr other) {
        return network <= other.network && other.last() <= last();
    }

    /** The {@code index}-th block of prefix {@code newPrefix} inside this one. */
    public Ipv4Cidr subnet(int newPrefix, long index) {
        if (newPrefix < prefix) {
            throw new IllegalArgumentException("/" + newPrefix + " is larger than " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " holds " + count + " /" + newPrefix + " blocks, not " + (index + 1));
        }
        return new Ipv4Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** A form safe inside resource names: 10.20.0.0/16 becomes 10-20-0-0-16. */
    public String slug() {
        return toString().replace('.', '-').replace('/', '-');
    }

    private static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    @Override
    public int compareTo(Ipv4Cidr o) {
        int c = Long.compare(network, o.network);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
