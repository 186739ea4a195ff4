package dev.packinspector.app.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.packinspector.app.history.TextDiff.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that changed between the lines of one change: both sides cut into words, runs of
 * blanks and single punctuation marks, diffed word by word (java-diff-utils), and split back
 * into lines of spans. Lines with too little in common are left unmarked: marking every word of
 * a rewritten line tells nothing the line's tint does not. Pure; any thread.
 */
final class Words {
    /** Beyond this many words a side, a change is shown by its lines alone (the word diff is quadratic at worst). */
    static final int MAX_WORDS = 20_000;
    private static final Pattern WORD = Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String LINE_BREAK = "\n";

    private Words() {
    }

    /** Spans for each line of {@code before} ([0]) and of {@code after} ([1]). */
    @SuppressWarnings("unchecked")
    static List<List<Span>>[] between(List<String> before, List<String> after) {
        List<String> x = words(before);
        List<String> y = words(after);
        if (x.size() > MAX_WORDS || y.size() > MAX_WORDS) {
            return new List[] {plain(before), plain(after)};
        }
        boolean[] changedX = new boolean[x.size()];
        boolean[] changedY = new boolean[y.size()];
        for (AbstractDelta<String> d : DiffUtils.diff(x, y).getDeltas()) {
            mark(changedX, d.getSource().getPosition(), d.getSource().size());
            mark(changedY, d.getTarget().getPosition(), d.getTarget().size());
        }
        if (!related(x, changedX) || !related(y, changedY)) {
            return new List[] {plain(before), plain(after)};
        }
        return new List[] {lines(x, changedX), lines(y, changedY)};
    }

    /** The words of {@code lines}, a line break word between lines. */
    static List<String> words(List<String> lines) {
        var out = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.add(LINE_BREAK);
            }
            Matcher m = WORD.matcher(lines.get(i));
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static void mark(boolean[] changed, int from, int count) {
        for (int i = from; i < from + count; i++) {
            changed[i] = true;
        }
    }

    /** True if at least a third of the side's visible characters are kept: the lines are edits of each other, not rewrites. */
    private static boolean related(List<String> words, boolean[] changed) {
        long kept = 0;
        long all = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).isBlank()) {
                all += words.get(i).length();
                kept += changed[i] ? 0 : words.get(i).length();
            }
        }
        return all == 0 || kept * 3 >= all;
    }

    /** The words back in lines, runs of equally marked words joined into one span; a line break is never marked. */
    private static List<List<Span>> lines(List<String> words, boolean[] changed) {
        var out = new ArrayList<List<Span>>();
        var line = new ArrayList<Span>();
        var run = new StringBuilder();
        boolean runChanged = false;
        for (int i = 0; i <= words.size(); i++) {
            boolean end = i == words.size() || words.get(i).equals(LINE_BREAK);
            if (end || changed[i] != runChanged) {
                if (!run.isEmpty()) {
                    line.add(new Span(run.toString(), runChanged));
                    run.setLength(0);
                }
                if (end) {
                    out.add(line.isEmpty() ? List.of(new Span("", false)) : List.copyOf(line));
                    line.clear();
                    continue;
                }
                runChanged = changed[i];
            }
            run.append(words.get(i));
        }
        return out;
    }

    private static List<List<Span>> plain(List<String> lines) {
        return lines.stream().map(l -> List.of(new Span(l, false))).toList();
    }
}
