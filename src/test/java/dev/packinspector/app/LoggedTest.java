package dev.packinspector.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The self-test fails on what was logged or thrown unseen, naming the first of it; other output passes. */
class LoggedTest {
    @Test
    void aLoggedWarningIsTroubleAndTheFirstIsNamed() {
        Logged logged = Logged.watch();
        try {
            System.err.println("plain progress output");
            System.err.println("WARNING: CSS Error parsing file:/x.css: Expected COLON at [12,3]");
            System.err.println("SEVERE: something else");
        } finally {
            logged.stop();
        }
        var e = assertThrows(AssertionError.class, logged::failIfAny);
        assertEquals("logged: WARNING: CSS Error parsing file:/x.css: Expected COLON at [12,3]", e.getMessage());
    }

    @Test
    void anExceptionNoOneCaughtIsTrouble() throws InterruptedException {
        Logged logged = Logged.watch();
        try {
            Thread t = new Thread(() -> {
                throw new IllegalStateException("boom");
            }, "worker-1");
            t.start();
            t.join();
        } finally {
            logged.stop();
        }
        var e = assertThrows(AssertionError.class, logged::failIfAny);
        assertEquals("an exception no one caught on thread worker-1: java.lang.IllegalStateException: boom", e.getMessage());
    }

    @Test
    void ordinaryOutputAndTheClassPathWarningAreNot() {
        Logged logged = Logged.watch();
        try {
            System.err.println("pack-inspector: Opening notes failed: not a chkpt store");
            System.err.println("WARNING: Unsupported JavaFX configuration: classes were loaded from 'unnamed module @5474c6c'");
        } finally {
            logged.stop();
        }
        assertDoesNotThrow(logged::failIfAny);
    }
}
