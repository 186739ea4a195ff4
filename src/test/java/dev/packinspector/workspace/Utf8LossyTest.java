package dev.packinspector.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bytes to text as Rust's {@code from_utf8_lossy}: against 432 cases Python 3 decoded with
 * {@code errors='replace'} (which replaces the same maximal subparts), and well-formed text
 * unchanged.
 */
class Utf8LossyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void replacesWhatPythonAndRustReplace() throws IOException {
        String cases;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("utf8-lossy-cases.txt"))) {
            cases = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : cases.lines().filter(l -> !l.startsWith("#")).toList()) {
            String[] parts = line.split("\t", -1);
            String expected = new String(HEX.parseHex(parts[1]), StandardCharsets.UTF_8);
            assertEquals(expected, Utf8Lossy.decode(HEX.parseHex(parts[0])), () -> "bytes " + parts[0]);
            checked++;
        }
        assertEquals(432, checked);
        // the case where Java's own decoder differs: an encoded surrogate is three bytes, each replaced
        assertEquals("x\uFFFD\uFFFD\uFFFDy", Utf8Lossy.decode(new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'y'}));
    }

    @Test
    void leavesWellFormedTextAsItIs() {
        var random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            var s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                int cp;
                do {
                    cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x800);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                s.appendCodePoint(cp);
            }
            String text = s.toString();
            assertEquals(text, Utf8Lossy.decode(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
