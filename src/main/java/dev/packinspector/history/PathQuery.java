package dev.packinspector.history;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user types to find paths. Text with {@code *}, {@code ?} or {@code [} is a glob: {@code *}
 * and {@code ?} stay within one folder, {@code **} crosses folders, {@code [abc]}/{@code [!abc]}
 * are classes; a glob without {@code /} is matched against the file name, one with {@code /}
 * against the whole path. Other text is found anywhere in the path. Smart case, as in ripgrep:
 * case is ignored unless the query has an upper-case letter. Immutable.
 */
public final class PathQuery {
    private final String text;
    private final boolean ignoreCase;
    private final Pattern glob;
    private final boolean wholePath;
    private final String needle;

    private PathQuery(String text) {
        this.text = text;
        this.ignoreCase = text.equals(fold(text));
        boolean isGlob = text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
        this.wholePath = text.indexOf('/') >= 0;
        this.glob = isGlob ? Pattern.compile(toRegex(text), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) : null;
        this.needle = ignoreCase ? fold(text) : text;
    }

    /** The query for {@code text} (surrounding blanks ignored); an empty one matches every path. */
    public static PathQuery of(String text) {
        return new PathQuery(text.strip());
    }

    public String text() {
        return text;
    }

    public boolean isGlob() {
        return glob != null;
    }

    /** True if {@code path} matches; {@code folded} is {@code fold(path)}, computed once by the caller. */
    public boolean matches(String path, String folded) {
        if (glob == null) {
            return (ignoreCase ? folded : path).contains(needle);
        }
        String subject = wholePath ? path : path.substring(path.lastIndexOf('/') + 1);
        return glob.matcher(subject).matches();
    }

    public boolean matches(String path) {
        return matches(path, fold(path));
    }

    /**
     * A SQLite {@code GLOB} pattern that matches at least every path this query matches (maybe
     * more: the exact test is {@link #matches}), for narrowing a catalog scan inside SQLite; null
     * when no such pattern is simple (an empty query, or one that ignores case and holds a
     * non-ASCII character, which SQLite cannot fold as Java does).
     */
    public String sqliteGlobSuperset() {
        if (text.isEmpty() || (ignoreCase && !text.chars().allMatch(c -> c < 128))) {
            return null;
        }
        var out = new StringBuilder();
        if (glob == null || !wholePath) {
            out.append('*');
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '[' ? text.indexOf(']', i + 2) : -1;
            // * and ** become *, which crosses folders in SQLite; ? and a class become ?, one code
            // point in both (java.util.regex matches code points, not UTF-16 units)
            if (glob != null && (c == '*' || c == '?' || close > 0)) {
                boolean deep = c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*';
                out.append(c == '*' ? '*' : '?');
                i = close > 0 ? close + 1 : i + (deep ? (i + 2 < text.length() && text.charAt(i + 2) == '/' ? 3 : 2) : 1);
                continue;
            }
            out.append(literal(c));
            i++;
        }
        if (glob == null) {
            out.append('*');
        }
        return out.toString();
    }

    /** One literal character as a GLOB pattern: escaped, and in both cases when case is ignored. */
    private String literal(char c) {
        if (ignoreCase && c >= 'a' && c <= 'z') {
            // KELVIN SIGN and CAPITAL I WITH DOT ABOVE also fold to k and i in Java
            String extra = c == 'k' ? "\u212A" : c == 'i' ? "\u0130" : "";
            return "[" + c + Character.toUpperCase(c) + extra + "]";
        }
        return c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c);
    }

    /** A GLOB pattern matching exactly {@code path}. */
    public static String sqliteGlobExactly(String path) {
        var out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c));
        }
        return out.toString();
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String toRegex(String glob) {
        var out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean folder = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                out.append(folder ? "(?:.*/)?" : ".*");
                i += folder ? 3 : 2;
                continue;
            }
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (close > 0) {
                String members = glob.substring(i + 1, close);
                boolean negated = members.startsWith("!");
                out.append('[').append(negated ? "^/" : "").append(members.substring(negated ? 1 : 0).replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close + 1;
                continue;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
