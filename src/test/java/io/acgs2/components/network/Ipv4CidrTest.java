package io.acgs2.components.network;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Provide
    Arbitrary<Ipv4Cidr> blocks() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL), Arbitraries.integers().between(0, 32))
                .as((address, prefix) -> new Ipv4Cidr(prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL,
                        prefix));
    }

    @Property
    void printingThenParsingGivesTheSameBlock(@ForAll("blocks") Ipv4Cidr c) {
        assertEquals(c, Ipv4Cidr.parse(c.toString()));
    }

    @Property
    void overlapIsSymmetricAndMeansASharedAddress(@ForAll("blocks") Ipv4Cidr a, @ForAll("blocks") Ipv4Cidr b) {
        assertEquals(a.overlaps(b), b.overlaps(a));
        boolean shared = Math.max(a.network(), b.network()) <= Math.min(a.last(), b.last());
        assertEquals(shared, a.overlaps(b));
    }

    @Test
    void overlapExamples() {
        var a = Ipv4Cidr.parse("10.0.0.0/16");
        assertTrue(a.overlaps(Ipv4Cidr.parse("10.0.255.0/24")));
        assertTrue(Ipv4Cidr.parse("10.0.0.0/8").overlaps(a));
        assertFalse(a.overlaps(Ipv4Cidr.parse("10.1.0.0/16")));
    }
}
