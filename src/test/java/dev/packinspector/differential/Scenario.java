package dev.packinspector.differential;

import java.util.List;

/** A generated workspace history: what to do before each save. The same seed always gives the same scenario. */
record Scenario(long seed, List<Round> rounds) {
    Scenario {
        rounds = List.copyOf(rounds);
    }

    /** Every edit that touched {@code path} or a folder above it, by round, for failure messages. */
    String historyOf(String path) {
        var sb = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            for (Edit e : rounds.get(i).edits()) {
                if (touches(e, path)) {
                    sb.append("\n    before save ").append(i + 1).append(": ").append(e);
                }
            }
        }
        return sb.isEmpty() ? " (no edit names it)" : sb.toString();
    }

    private static boolean touches(Edit e, String path) {
        return switch (e) {
            case Edit.Write w -> related(w.path(), path);
            case Edit.Link l -> related(l.path(), path);
            case Edit.Mkdir m -> related(m.path(), path);
            case Edit.Delete d -> related(d.path(), path);
            case Edit.Rename r -> related(r.from(), path) || related(r.to(), path);
            case Edit.Chmod c -> related(c.path(), path);
        };
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || b.startsWith(a + "/") || a.startsWith(b + "/");
    }
}
