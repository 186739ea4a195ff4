package dev.packinspector.differential;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * File and folder names that are legal on Linux but hard for tools: every byte but {@code /} and NUL
 * may be in a name, and chkpt stores the exact UTF-8. All names are valid UTF-8 (a name that is not
 * is stored made valid, with U+FFFD, so the workspace and the snapshot would disagree by design;
 * fixtures/real covers that case). Names chkpt never stores are never made.
 */
final class HostileNames {
    /** Names chkpt skips wherever they appear (fixtures/real/README.md, "Never stored") and its ignore file. */
    private static final Set<String> NEVER_STORED = Set.of(".git", ".chkpt", "target", "node_modules", ".venv", "venv",
            "__pypackages__", ".tox", ".nox", ".gradle", ".m2", ".chkptignore");
    static final int MAX_NAME_BYTES = 255;

    private static final List<String> PIECES = List.of(
            "back\\slash", "colon:", "star*", "question?", "quote\"", "angle<>", "pipe|", "$HOME", "$(echo no)", "back`tick`",
            "single'quote", "tab\there", "new\nline", "carriage\rreturn", "ctrl-\u0001", "esc-\u001b[31m", "del-\u007f",
            "-leading-dash", "--", "-rf", "trailing-dot.", "trailing-space ", " leading-space", "  ", "файл", "Привет мир",
            "文件名", "日本語テキスト", "🎉", "👩‍💻", "e\u0301-combining", "\u00e9-precomposed", "a\u0308\u0323", "\u202eevil-rtl",
            "\ufeffbom", "zero\u200bwidth", "\ufffdreplacement", "%20", "#hash", "~tilde", "&amp;", "semi;colon", "a=b",
            "{brace}", "[bracket]", "!bang", "@at", "^caret", "+plus", ",comma", "...", "..dots", ".hidden", "a  b", "CON",
            "nul.txt", "UPPER", "upper", "*", "?", "\\", ":", "'", "\"");
    private static final List<String> WORDS = List.of("main", "lib", "util", "docs", "src", "data", "notes", "build-out",
            "assets", "test", "img", "README", "config", "cache", "old", "new", "tmp-x", "a", "b", "z");
    private static final List<String> EXTENSIONS = List.of("", ".txt", ".rs", ".md", ".bin", ".json", ".tar.gz", ".", ". ", ".\u00e9");

    private HostileNames() {
    }

    /** A name for a file or folder: about half plain, half with one or two hostile pieces, now and then a 255-byte one. */
    static String next(SplittableRandom random) {
        while (true) {
            String name = candidate(random);
            if (legal(name)) {
                return name;
            }
        }
    }

    private static String candidate(SplittableRandom random) {
        int roll = random.nextInt(100);
        String word = WORDS.get(random.nextInt(WORDS.size())) + "-" + random.nextInt(1000);
        String ext = EXTENSIONS.get(random.nextInt(EXTENSIONS.size()));
        if (roll < 45) {
            return word + ext;
        }
        if (roll < 75) {
            return piece(random) + word + ext;
        }
        if (roll < 90) {
            return word + piece(random) + ext;
        }
        if (roll < 97) {
            return piece(random) + piece(random) + random.nextInt(100);
        }
        if (roll < 98) {
            // the shape of Pack Inspector's own temp files, which a restore must still treat as an ordinary name in a snapshot
            return ".pack-inspector-" + Long.toString(random.nextLong(1L << 40), 36) + ".tmp";
        }
        return longest(random);
    }

    private static String piece(SplittableRandom random) {
        return PIECES.get(random.nextInt(PIECES.size()));
    }

    /** A name of exactly 255 UTF-8 bytes (the Linux limit), in 1-, 3- or 4-byte characters. */
    static String longest(SplittableRandom random) {
        String unit = switch (random.nextInt(3)) {
            case 0 -> "x";
            case 1 -> "長";
            default -> "🎈";
        };
        var sb = new StringBuilder();
        while (bytes(sb + unit) <= MAX_NAME_BYTES) {
            sb.append(unit);
        }
        while (bytes(sb.toString()) < MAX_NAME_BYTES) {
            sb.append('-');
        }
        return sb.toString();
    }

    static boolean legal(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('\0') < 0
                && bytes(name) <= MAX_NAME_BYTES && !NEVER_STORED.contains(name);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
