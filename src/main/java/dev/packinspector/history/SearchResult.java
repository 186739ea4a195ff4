package dev.packinspector.history;

import java.util.List;

/** The paths a {@link PathQuery} found (at most the limit asked for, in path order) and how many matched in all. Immutable. */
public record SearchResult(PathQuery query, List<PathVersions> paths, int matches) {
    public SearchResult {
        paths = List.copyOf(paths);
    }

    public boolean truncated() {
        return matches > paths.size();
    }
}
