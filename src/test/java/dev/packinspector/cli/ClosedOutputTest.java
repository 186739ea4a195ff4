package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.packinspector.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When the reader of standard output goes away (a pipe into head), the command ends quietly. */
class ClosedOutputTest {
    /** Takes {@code room} bytes, then fails as a closed pipe does. */
    private static final class ClosedAfter extends OutputStream {
        private int room;

        ClosedAfter(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            if (room-- <= 0) {
                throw new IOException("Broken pipe");
            }
        }
    }

    @Test
    void aPipeClosedByItsReaderEndsTheCommandWithoutAMessage() {
        var err = new ByteArrayOutputStream();
        int exit = new Cli(new ClosedAfter(100), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("cat", Fixtures.store("basic").toString(), Fixtures.manifest("basic").get("snapshots").get(0).get("files")
                        .findValues("blob_hash").stream().map(n -> n.asText()).filter(id -> !id.isEmpty()).findFirst().orElseThrow());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(Cli.OK, exit);
    }

    @Test
    void otherOutputFailuresAreStillReported() {
        var err = new ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        int exit = new Cli(full, new PrintStream(err, true, StandardCharsets.UTF_8)).run("ls", Fixtures.store("basic").toString());
        assertEquals(Cli.UNREADABLE, exit);
        assertEquals("pack-inspector: No space left on device\n", err.toString(StandardCharsets.UTF_8));
    }
}
