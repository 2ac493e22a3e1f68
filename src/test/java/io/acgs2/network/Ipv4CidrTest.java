package io.acgs2.network;

import io.acgs2.components.network.Ipv4Cidr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/16", "10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/16", "a.b.c.d/8", "", "10.0.0.0/-1"})
    void rejectsTextThatIsNotACidrBlock(String text) {
        assertTrue(Ipv4Cidr.tryParse(text).isEmpty(), text);
    }

    @Test
    void parsesPrintsAndSlugsABlock() {
        var c = Ipv4Cidr.parse("10.20.0.0/16");
        assertEquals("10.20.0.0/16", c.toString());
        assertEquals("10-20-0-0-16", c.slug());
        assertEquals(65536, c.size());
    }

    @Test
    void overlapIsSymmetricAndExact() {
        var a = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(a.overlaps(Ipv4Cidr.parse("10.0.255.0/24")));
        assertTrue(Ipv4Cidr.parse("10.0.255.0/24").overlaps(a));
        assertTrue(Ipv4Cidr.parse("10.0.0.0/8").overlaps(a));
        assertFalse(a.overlaps(Ipv4Cidr.parse("10.1.0.0/16")));
    }
}
