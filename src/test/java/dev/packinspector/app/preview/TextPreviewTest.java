package dev.packinspector.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.packinspector.app.preview.ObjectPreview;
import dev.packinspector.app.preview.TextChunks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text previews: which encoding, and lines that stay whole however the object is windowed. */
class TextPreviewTest {
    private static final String SAMPLE = "première ligne\r\n二行目のテキスト\nthird line — done\nno newline at the end";

    private static List<String> windowed(byte[] bytes, Charset cs, int window) {
        var chunks = new TextChunks(cs);
        var lines = new ArrayList<String>();
        for (int from = 0; from < bytes.length || from == 0; from += window) {
            int to = Math.min(bytes.length, from + window);
            lines.addAll(chunks.next(Arrays.copyOfRange(bytes, from, to), to == bytes.length));
            if (to == bytes.length) {
                break;
            }
        }
        return lines;
    }

    @Test
    void linesAndMultiByteCharactersCutByAWindowComeOutWhole() {
        List<String> expected = SAMPLE.lines().toList();
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, Charset.forName("Shift_JIS"))) {
            byte[] bytes = SAMPLE.replace("è", cs.name().equals("Shift_JIS") ? "e" : "è").getBytes(cs);
            List<String> want = cs.name().equals("Shift_JIS") ? SAMPLE.replace("è", "e").lines().toList() : expected;
            for (int window = 1; window <= bytes.length; window += 3) {
                assertEquals(want, windowed(bytes, cs, window), cs + ", window " + window);
            }
        }
    }

    @Test
    void anOverlongLineIsSplitSoMemoryStaysBounded() {
        byte[] bytes = "x".repeat(TextChunks.MAX_LINE + 10).getBytes(StandardCharsets.US_ASCII);
        List<String> lines = windowed(bytes, StandardCharsets.US_ASCII, 1 << 16);
        assertEquals(2, lines.size());
        assertEquals(TextChunks.MAX_LINE, lines.getFirst().length());
    }

    @Test
    void encodingIsDetectedFromTheFirstBytes() {
        assertEquals(StandardCharsets.UTF_8, ObjectPreview.charset("plain ascii\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(StandardCharsets.UTF_8, ObjectPreview.charset(SAMPLE.getBytes(StandardCharsets.UTF_8)));
        byte[] utf8 = "日本語".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, ObjectPreview.charset(Arrays.copyOf(utf8, utf8.length - 1)), "a character cut at the end");
        byte[] bom16 = ("\uFEFF" + SAMPLE).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(StandardCharsets.UTF_16LE, ObjectPreview.charset(bom16));
        String japanese = "日本語のテキストファイルです。これはシフトJISで書かれています。".repeat(20);
        assertEquals(Charset.forName("Shift_JIS"), ObjectPreview.charset(japanese.getBytes(Charset.forName("Shift_JIS"))));
        assertNull(ObjectPreview.charset(new byte[] {1, 2, 3, 0, 5}), "a NUL byte means binary");
        assertEquals(ObjectPreview.Kind.IMAGE, ObjectPreview.kind(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
    }
}
