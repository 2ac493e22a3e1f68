package io.acgs2.components.network;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv6CidrTest {

    @Test
    void theNthSlash64OfASlash56InAwssCompressedForm() {
        assertEquals("2600:1f18:abcd:ef00::/64", Ipv6Cidr.subnet64("2600:1f18:abcd:ef00::/56", 0));
        assertEquals("2600:1f18:abcd:ef02::/64", Ipv6Cidr.subnet64("2600:1f18:abcd:ef00::/56", 2));
        assertEquals("2600:1f18:abcd:efff::/64", Ipv6Cidr.subnet64("2600:1f18:abcd:ef00::/56", 255));
        assertEquals("2a05:d018:0:100::/64", Ipv6Cidr.subnet64("2a05:d018:0:100::/56", 0));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet64("2600:1f18:abcd:ef00::/64", 0));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet64("2600:1f18:abcd:ef01::/56", 0), "host bits");
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet64("2600:1f18:abcd:ef00::/56", 256));
    }

    @Property
    void the256SubnetsAreDistinctAndInsideTheBlock(@ForAll @IntRange(min = 0, max = 0xffff) int a, @ForAll @IntRange(min = 0, max = 0xff) int b)
            throws Exception {
        var block = String.format("2600:1f18:%x:%x00::/56", a, b);
        var base = new BigInteger(1, InetAddress.getByName(block.substring(0, block.indexOf('/'))).getAddress());
        var seen = new HashSet<String>();
        for (int i = 0; i < 256; i++) {
            var subnet = Ipv6Cidr.subnet64(block, i);
            assertTrue(seen.add(subnet), subnet);
            var address = new BigInteger(1, InetAddress.getByName(subnet.substring(0, subnet.indexOf('/'))).getAddress());
            assertEquals(base, address.shiftRight(72).shiftLeft(72), subnet + " inside " + block);
            assertEquals(BigInteger.ZERO, address.and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)), "a /64 network address");
        }
    }
}
