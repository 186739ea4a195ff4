package dev.packinspector.app.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.packinspector.app.common.Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line diff of two versions of a file as hunks (3 lines of context) of numbered lines, the
 * words that changed inside changed lines marked; or why there is none to show: either side
 * binary (a NUL in its first 8 KB), larger than {@link #MAX_BYTES}, or the same text. A missing
 * side (an added or removed file) is empty. Pure; any thread.
 */
public record TextDiff(List<Hunk> hunks, int added, int removed, String why) {
    static final int MAX_BYTES = 8 << 20;
    private static final int CONTEXT = 3;

    public enum Kind { CONTEXT, ADDED, REMOVED }

    /** A run of a line's text; {@code changed} marks words that differ from the other version's line. */
    public record Span(String text, boolean changed) {
    }

    /** One line: its number in the older and the newer version (0 where it is not in that one) and its text in spans. */
    public record Line(Kind kind, int oldNumber, int newNumber, List<Span> spans) {
        public String text() {
            var sb = new StringBuilder();
            spans.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }
    }

    /** Lines around one or more changes; starts are 1-based (the line before, when the count is 0), as in a unified diff. */
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {
        public String header() {
            return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        }
    }

    /** The diff of {@code older} and {@code newer} (null: the file is not in that version). */
    static TextDiff of(byte[] older, byte[] newer) {
        byte[] a = older == null ? new byte[0] : older;
        byte[] b = newer == null ? new byte[0] : newer;
        if (a.length > MAX_BYTES || b.length > MAX_BYTES) {
            return tooLarge();
        }
        if (binary(a) || binary(b)) {
            return because(Arrays.equals(a, b) ? "The versions have the same content"
                    : "Binary content: the versions differ (compare them in the Hex preview)");
        }
        List<String> x = new String(a, StandardCharsets.UTF_8).lines().toList();
        List<String> y = new String(b, StandardCharsets.UTF_8).lines().toList();
        List<AbstractDelta<String>> deltas = DiffUtils.diff(x, y).getDeltas();
        if (deltas.isEmpty()) {
            return because("The versions have the same text (they differ only in mode, or in line endings)");
        }
        var hunks = new ArrayList<Hunk>();
        int added = 0;
        int removed = 0;
        int first = 0;
        while (first < deltas.size()) {
            // deltas closer than twice the context share one hunk
            int last = first;
            while (last + 1 < deltas.size() && deltas.get(last + 1).getSource().getPosition() - end(deltas.get(last)) <= 2 * CONTEXT) {
                last++;
            }
            hunks.add(hunk(x, y, deltas.subList(first, last + 1)));
            for (AbstractDelta<String> d : deltas.subList(first, last + 1)) {
                added += d.getTarget().size();
                removed += d.getSource().size();
            }
            first = last + 1;
        }
        return new TextDiff(List.copyOf(hunks), added, removed, null);
    }

    static TextDiff because(String why) {
        return new TextDiff(List.of(), 0, 0, why);
    }

    static TextDiff tooLarge() {
        return because("The versions are too large to compare line by line (over " + Format.bytes(MAX_BYTES) + ")");
    }

    /** The classic unified diff text, headed {@code ---}/{@code +++} with the two names (what "Copy as patch" copies). */
    public List<String> unified(String olderName, String newerName) {
        var out = new ArrayList<String>();
        if (hunks.isEmpty()) {
            return out;
        }
        out.add("--- " + olderName);
        out.add("+++ " + newerName);
        for (Hunk h : hunks) {
            out.add(h.header());
            for (Line l : h.lines()) {
                out.add((l.kind() == Kind.ADDED ? "+" : l.kind() == Kind.REMOVED ? "-" : " ") + l.text());
            }
        }
        return out;
    }

    private static int end(AbstractDelta<String> d) {
        return d.getSource().getPosition() + d.getSource().size();
    }

    private static Hunk hunk(List<String> x, List<String> y, List<AbstractDelta<String>> deltas) {
        var lines = new ArrayList<Line>();
        AbstractDelta<String> head = deltas.getFirst();
        int from = Math.max(0, head.getSource().getPosition() - CONTEXT);
        int shift = head.getTarget().getPosition() - head.getSource().getPosition();
        int newFrom = from + shift;
        int at = from;
        for (AbstractDelta<String> d : deltas) {
            shift = d.getTarget().getPosition() - d.getSource().getPosition();
            for (; at < d.getSource().getPosition(); at++) {
                lines.add(context(x, at, at + shift));
            }
            changed(d, lines);
            at = end(d);
        }
        AbstractDelta<String> tail = deltas.getLast();
        shift = tail.getTarget().getPosition() + tail.getTarget().size() - end(tail);
        int to = Math.min(x.size(), end(tail) + CONTEXT);
        for (; at < to; at++) {
            lines.add(context(x, at, at + shift));
        }
        int oldCount = to - from;
        int newCount = to + shift - newFrom;
        return new Hunk(oldCount == 0 ? from : from + 1, oldCount, newCount == 0 ? newFrom : newFrom + 1, newCount, List.copyOf(lines));
    }

    private static Line context(List<String> x, int oldIndex, int newIndex) {
        return new Line(Kind.CONTEXT, oldIndex + 1, newIndex + 1, List.of(new Span(x.get(oldIndex), false)));
    }

    /** A delta's removed lines then its added lines, with the words that changed marked when both sides have lines. */
    private static void changed(AbstractDelta<String> d, List<Line> out) {
        List<String> before = d.getSource().getLines();
        List<String> after = d.getTarget().getLines();
        List<List<Span>> oldSpans;
        List<List<Span>> newSpans;
        if (d.getType() == DeltaType.CHANGE) {
            List<List<Span>>[] words = Words.between(before, after);
            oldSpans = words[0];
            newSpans = words[1];
        } else {
            oldSpans = before.stream().map(l -> List.of(new Span(l, false))).toList();
            newSpans = after.stream().map(l -> List.of(new Span(l, false))).toList();
        }
        for (int i = 0; i < before.size(); i++) {
            out.add(new Line(Kind.REMOVED, d.getSource().getPosition() + i + 1, 0, oldSpans.get(i)));
        }
        for (int i = 0; i < after.size(); i++) {
            out.add(new Line(Kind.ADDED, 0, d.getTarget().getPosition() + i + 1, newSpans.get(i)));
        }
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
