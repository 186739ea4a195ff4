package dev.packinspector.differential;

/** Paths in failure messages: quoted, with control characters escaped so that a newline in a name cannot hide a line. */
final class Shown {
    private Shown() {
    }

    static String path(String path) {
        var sb = new StringBuilder("'");
        path.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e || c == 0xfeff || c == 0x200b) {
                sb.append(String.format("\\u%04x", c));
            } else if (c == '\'' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('\'').toString();
    }
}
