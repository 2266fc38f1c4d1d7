package io.initguard.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellBehaviorTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void loadsEveryConstructForEveryShell() {
        for (ShellBehavior b : ShellBehavior.all().values()) {
            assertEquals(ExecConstruct.values().length, b.execs().size(), b.kind().id());
            assertFalse(b.measuredOn().isBlank());
        }
        assertTrue(ShellBehavior.of(ShellKind.NONE).isEmpty());
        assertTrue(ShellBehavior.of(ShellKind.UNKNOWN).isEmpty());
    }

    @Test
    void unknownShellOnlyWhenAllAgree() {
        assertEquals(Optional.of(false), ShellBehavior.execsAll(ShellKind.UNKNOWN, EnumSet.of(ExecConstruct.PIPELINE)));
        assertEquals(Optional.of(true), ShellBehavior.execsAll(ShellKind.UNKNOWN, EnumSet.of(ExecConstruct.EXPLICIT_EXEC)));
        assertEquals(Optional.empty(), ShellBehavior.execsAll(ShellKind.UNKNOWN, EnumSet.of(ExecConstruct.SIMPLE_COMMAND)));
        assertEquals(Optional.empty(), ShellBehavior.execsAll(ShellKind.NONE, EnumSet.of(ExecConstruct.EXPLICIT_EXEC)));
    }

    @Test
    void keysAreCamelCase() {
        assertEquals("andListInSequence", ExecConstruct.AND_LIST_IN_SEQUENCE.key());
        assertEquals("afterSetE", ExecConstruct.AFTER_SET_E.key());
    }

    @Test
    void strictLoading() throws Exception {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ShellBehavior.parse(YAML.readTree("shells:\n  dash:\n    execs:\n      simpleCommand: false\n")));
        assertTrue(missing.getMessage().contains("lacks boolean 'sequence'"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> ShellBehavior.parse(YAML.readTree("shells:\n  zsh: {}\n")));
        assertThrows(IllegalStateException.class, () -> ShellBehavior.parse(YAML.readTree("other: 1\n")));
    }

    @Test
    void theCompiledPropertiesEqualTheYaml() {
        assertEquals(ShellBehavior.loadYaml(), ShellBehavior.all(), "shells.properties is stale: rebuild");
        assertEquals(ShellBehavior.loadYaml(), ShellBehavior.fromProperties(ShellBehavior.toProperties(ShellBehavior.loadYaml())));
    }
}
