package io.initguard.helm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SetSyntaxTest {
    @Test
    void commasSeparatePairsOutsideBracesAndEscapes() {
        assertEquals(List.of("image.tag=2", "useTini=true"), SetSyntax.split("image.tag=2,useTini=true"));
        assertEquals(List.of("cmd={tini,--,app}", "x=1"), SetSyntax.split("cmd={tini,--,app},x=1"));
        assertEquals(List.of("msg=a\\,b"), SetSyntax.split("msg=a\\,b"));
    }

    @Test
    void bracesMakeLists() {
        assertEquals(List.of("tini", "--", "app"), SetSyntax.list("{tini,--,app}"));
        assertEquals(List.of(), SetSyntax.list("{}"));
        assertEquals(List.of("a,b", "c"), SetSyntax.list("{a\\,b,c}"));
        assertNull(SetSyntax.list("plain"));
        assertEquals("a,b", SetSyntax.unescape("a\\,b"));
    }
}
