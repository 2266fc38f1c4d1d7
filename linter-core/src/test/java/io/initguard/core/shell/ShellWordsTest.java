package io.initguard.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsLikeAShellWithoutExpanding() throws Exception {
        assertEquals(List.of("sh", "-c", "a && b; c"), ShellWords.split("sh -c 'a && b; c'"));
        assertEquals(List.of("node", "server.js", "$PORT"), ShellWords.split("  node\tserver.js\n $PORT "));
        assertEquals(List.of("a b", "c\"d", "e f", "x$HOME"), ShellWords.split("\"a b\" 'c\"d' e\\ f \"x$HOME\""));
        assertEquals(List.of("ab", ""), ShellWords.split("a\"b\" ''"));
        assertEquals(List.of("a;b"), ShellWords.split("a;b"));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void unbalancedQuotesAreErrors() {
        ShellParseException e = assertThrows(ShellParseException.class, () -> ShellWords.split("a 'b"));
        assertEquals(1, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("unterminated single quote"));
        assertThrows(ShellParseException.class, () -> ShellWords.split("x\n\"y"));
    }
}
