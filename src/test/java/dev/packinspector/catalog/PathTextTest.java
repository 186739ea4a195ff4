package dev.packinspector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packinspector.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Quoting as git's quote_c_style does, checked against what git 2.39 prints for the same names
 * ({@code git ls-files}, with and without {@code -c core.quotePath=false}), and read back.
 */
class PathTextTest {
    /** Name → git -c core.quotePath=false ls-files, which is what quote gives. */
    private static final Map<String, String> GIT_READABLE = Map.ofEntries(
            Map.entry("odd/new\nline.txt", "\"odd/new\\nline.txt\""),
            Map.entry("odd/ctrl-\u0001-\u001b-\u007f.txt", "\"odd/ctrl-\\001-\\033-\\177.txt\""),
            Map.entry("odd/back\\slash.txt", "\"odd/back\\\\slash.txt\""),
            Map.entry("odd/bel\u0007\b\u000b\f\r", "\"odd/bel\\a\\b\\v\\f\\r\""),
            Map.entry("odd/tab\tx", "\"odd/tab\\tx\""),
            Map.entry("odd/q\"uote", "\"odd/q\\\"uote\""),
            // git's t3902-quoted.sh names
            Map.entry("Name", "Name"),
            Map.entry("Name and a\nLF", "\"Name and a\\nLF\""),
            Map.entry("Name and an\tHT", "\"Name and an\\tHT\""),
            Map.entry("Name\"", "\"Name\\\"\""),
            Map.entry("With SP in it", "With SP in it"),
            Map.entry("濱野\t純", "\"濱野\\t純\""),
            Map.entry("濱野\n純", "\"濱野\\n純\""),
            Map.entry("濱野 純", "濱野 純"),
            Map.entry("濱野\"純", "\"濱野\\\"純\""),
            Map.entry("濱野/file", "濱野/file"),
            Map.entry("µ", "µ"));

    /** Name → git ls-files with its default core.quotePath=true, which unquote must read too. */
    private static final Map<String, String> GIT_DEFAULT = Map.of(
            "µ", "\"\\302\\265\"",
            "濱野\t純", "\"\\346\\277\\261\\351\\207\\216\\t\\347\\264\\224\"",
            "濱野/file", "\"\\346\\277\\261\\351\\207\\216/file\"",
            "濱野\"純", "\"\\346\\277\\261\\351\\207\\216\\\"\\347\\264\\224\"",
            "юникод", "\"\\321\\216\\320\\275\\320\\270\\320\\272\\320\\276\\320\\264\"",
            "c1-\u009b", "\"c1-\\302\\233\"");

    @Test
    void quotesAsGitDoesWithReadableNonAscii() {
        GIT_READABLE.forEach((name, git) -> assertEquals(git, PathText.quote(name), name));
    }

    @Test
    void readsBackGitsOutputWithEitherQuotePathSetting() {
        GIT_READABLE.forEach((name, git) -> {
            if (git.startsWith("\"")) {
                assertEquals(name, PathText.unquote(git));
            }
        });
        GIT_DEFAULT.forEach((name, git) -> assertEquals(name, PathText.unquote(git)));
    }

    @Test
    void quotesEveryNameOfTheRealFixtureThatNeedsItAndNoOther() {
        var quoted = new TreeMap<String, String>();
        for (JsonNode s : Fixtures.manifest("real/head-basic").get("snapshots")) {
            for (JsonNode f : s.get("files")) {
                String path = f.get("path").asText();
                if (PathText.needsQuoting(path)) {
                    quoted.put(path, PathText.quote(path));
                } else {
                    assertEquals(path, PathText.quote(path), "printed bare");
                }
            }
        }
        assertEquals(Map.of(
                "odd/back\\slash.txt", "\"odd/back\\\\slash.txt\"",
                "odd/ctrl-\u0001-\u001b-\u007f.txt", "\"odd/ctrl-\\001-\\033-\\177.txt\"",
                "odd/new\nline.txt", "\"odd/new\\nline.txt\""), quoted);
        assertEquals("odd/latin1-caf\uFFFD.txt", PathText.quote("odd/latin1-caf\uFFFD.txt"), "U+FFFD is an ordinary character");
        assertEquals("emoji-🎉/party-🎈.txt", PathText.quote("emoji-🎉/party-🎈.txt"));
    }

    @Test
    void theC1ControlsAndLoneSurrogatesAreWrittenInOctal() {
        assertEquals("\"c1-\\302\\233\"", PathText.quote("c1-\u009b"), "as git's default writes U+009B");
        assertEquals("\"\\355\\240\\200x\"", PathText.quote("\ud800x"));
        assertEquals("\"x\\355\\260\\200\"", PathText.quote("x\udc00"));
        assertEquals("\ud800x", PathText.unquote("\"\\355\\240\\200x\""));
    }

    @Test
    void bytesThatAreNotUtf8BecomeTheReplacementCharacterAsChkptStoresThem() {
        // the fixture's workspace name was odd/latin1-caf\xe9.txt
        assertEquals("odd/latin1-caf\uFFFD.txt", PathText.unquote("\"odd/latin1-caf\\351.txt\""));
        assertEquals("\uFFFD\uFFFD", PathText.unquote("\"\\300\\200\""), "an overlong NUL");
    }

    @Test
    void malformedQuotedTextIsRefused() {
        for (String bad : List.of("\"", "x", "\"abc", "abc\"", "\"a\\\"", "\"a\\q\"", "\"\\4000\"", "\"\\01\"", "\"a\"b\"")) {
            assertThrows(IllegalArgumentException.class, () -> PathText.unquote(bad), bad);
        }
        assertEquals("", PathText.unquote("\"\""));
    }

    @Test
    void anArgumentMeansItsUnquotedFormFirstThenItself() {
        assertEquals(List.of("odd/new\nline.txt", "\"odd/new\\nline.txt\""), PathText.readings("\"odd/new\\nline.txt\""));
        assertEquals(List.of("odd/new\nline.txt"), PathText.readings("odd/new\nline.txt"));
        assertEquals(List.of("\"a\\q\""), PathText.readings("\"a\\q\""), "not a quoted path: only itself");
        assertEquals(List.of("\""), PathText.readings("\""));
    }

    @Test
    void oneLineEscapesControlsButLeavesQuotesAndBackslashes() {
        assertEquals("can't write \"a\\b\": x\\ny\\tz", PathText.oneLine("can't write \"a\\b\": x\ny\tz"));
        assertEquals("", PathText.oneLine(null));
    }

    @Test
    void quoteThenUnquoteGivesBackAnyString() {
        var random = new SplittableRandom(20261201);
        char[] interesting = {'\0', '\n', '\t', '\r', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '"', '\\', '/', ' ',
            'a', '\uFFFD', '\ud800', '\udbff', '\udc00', '\udfff', 'é', '純', '\u2028'};
        for (int n = 0; n < 200_000; n++) {
            var s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(random.nextInt(3) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1) : interesting[random.nextInt(interesting.length)]);
            }
            String path = s.toString();
            String quoted = PathText.quote(path);
            assertEquals(path, quoted.startsWith("\"") ? PathText.unquote(quoted) : quoted);
            assertEquals(path, PathText.readings(quoted).get(0));
            assertFalse(quoted.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), quoted);
            assertFalse(PathText.oneLine(path).chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)));
            assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(quoted), "always valid UTF-8: " + quoted);
        }
    }

    @Test
    void unquoteReadsEveryCharacterWrittenAsOctalUtf8AsGitsDefaultWritesIt() {
        var random = new SplittableRandom(7);
        for (int n = 0; n < 50_000; n++) {
            var s = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                int cp;
                do {
                    cp = random.nextInt(Character.MAX_CODE_POINT + 1);
                } while (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
                s.appendCodePoint(cp);
            }
            var git = new StringBuilder("\"");
            for (byte b : s.toString().getBytes(StandardCharsets.UTF_8)) {
                int u = b & 0xFF;
                git.append(u >= 0x20 && u < 0x7f && u != '"' && u != '\\' ? String.valueOf((char) u) : String.format("\\%03o", u));
            }
            assertEquals(s.toString(), PathText.unquote(git.append('"').toString()));
        }
    }
}
