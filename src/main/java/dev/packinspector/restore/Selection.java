package dev.packinspector.restore;

import java.util.ArrayList;
import java.util.List;

/** Picks the entries a user asked for: exact paths, or folders and everything beneath them. */
public final class Selection {
    private Selection() {
    }

    /**
     * The items whose path equals one of {@code paths} or lies under one (a trailing {@code /}
     * is ignored). No paths means everything.
     *
     * @throws IllegalArgumentException if a requested path is itself unsafe (e.g. contains {@code ..})
     */
    public static List<RestoreItem> of(List<RestoreItem> items, List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            return items;
        }
        var wanted = new ArrayList<String>();
        for (String p : paths) {
            String clean = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            String problem = SafePaths.problem(clean);
            if (problem != null) {
                throw new IllegalArgumentException("--path '" + p + "': " + problem);
            }
            wanted.add(clean);
        }
        return items.stream().filter(i -> wanted.stream().anyMatch(w -> i.path().equals(w) || i.path().startsWith(w + "/"))).toList();
    }
}
