package io.initguard.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void forwardsEverythingButChldTtinTtouAndFaults() {
        int[] notForwarded = {Signals.SIGCHLD, Signals.SIGTTIN, Signals.SIGTTOU, Signals.SIGFPE, Signals.SIGILL,
            Signals.SIGSEGV, Signals.SIGBUS, Signals.SIGABRT, Signals.SIGTRAP, Signals.SIGSYS, Signals.SIGKILL,
            Signals.SIGSTOP};
        for (int signal = 1; signal <= Signals.SIGRTMAX; signal++) {
            boolean expected = true;
            for (int excluded : notForwarded) {
                expected &= signal != excluded;
            }
            assertEquals(expected, Signals.isForwarded(signal), Signals.name(signal));
        }
        assertTrue(Signals.isForwarded(Signals.SIGTSTP));
        assertTrue(Signals.isForwarded(Signals.SIGCONT));
        assertTrue(Signals.isForwarded(Signals.SIGWINCH));
        assertTrue(Signals.isForwarded(34));
        assertTrue(Signals.isForwarded(64));
    }

    @Test
    void chldIsCollectedToWakeTheReaper() {
        assertTrue(Signals.contains(Signals.collectedMask(), Signals.SIGCHLD));
        assertFalse(Signals.contains(Signals.collectedMask(), Signals.SIGSEGV));
    }

    @Test
    void namesAndDescriptions() {
        assertEquals("SIGTERM", Signals.name(15));
        assertEquals("Terminated", Signals.describe(15));
        assertEquals("User defined signal 1", Signals.describe(10));
        assertEquals("Real-time signal 6", Signals.describe(40));
        assertEquals(Signals.SIGWINCH, Signals.parsePdeathsig("SIGWINCH"));
        assertEquals(0, Signals.parsePdeathsig("SIGRTMIN"));
    }

    @Test
    void waitStatusDecoding() {
        WaitResult exited = new WaitResult(5, 7 << 8, 0);
        assertTrue(exited.exited());
        assertEquals(7, exited.exitCode());
        WaitResult killed = new WaitResult(5, 9, 0);
        assertFalse(killed.exited());
        assertTrue(killed.signaled());
        assertEquals(9, killed.termSignal());
        WaitResult stopped = new WaitResult(5, 0x137f, 0);
        assertFalse(stopped.exited());
        assertFalse(stopped.signaled());
    }
}
