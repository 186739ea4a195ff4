package dev.packinspector.cli;

import dev.packinspector.catalog.PathText;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.SearchResult;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.ContentId;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class FindCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec queryParameter = add(Arguments.optionalParameter("1", "QUERY", String.class,
            "text or glob to find in paths (a path as printed, in double quotes, is unquoted)"));

    private final OptionSpec idOption = add(Arguments.option("--id", "PREFIX", String.class, "find objects by id prefix (hex) instead"));

    private final OptionSpec limitOption = add(Arguments.option("--limit", "<limit>", int.class, 1000,
            "at most this many paths or objects (default ${DEFAULT-VALUE})"));

    /** --limit, read when the command starts. */
    private int limit;

    private final OutputFormat format = add(OutputFormat.json());

    FindCommand() {
        super("find", "Paths across all snapshots: one line per version, path, id, size, mode (octal), the snapshots holding it.",
                "QUERY is text found anywhere in the path, or a glob (*, ?, [..], ** across folders; without / it matches the file name).",
                "Case is ignored unless QUERY has an upper-case letter. With --id, objects whose id starts with the prefix, and where they are used.");
    }

    @Override
    public Integer call() throws Exception {
        limit = Arguments.value(limitOption);
        String query = Arguments.value(queryParameter);
        String idPrefix = Arguments.value(idOption);
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        if ((query == null) == (idPrefix == null)) {
            throw new UsageException("give either a QUERY or --id PREFIX");
        }
        format.refuseBoth();
        if (idPrefix != null) {
            // an id search needs every row
            try (IndexedStore s = store.indexed(stderr())) {
                return objects(s.index(), idPrefix);
            }
        }
        // a path copied from our output comes quoted; the text as typed is tried too if that finds nothing
        List<String> readings = PathText.readings(query);
        String searched = readings.get(0);
        SearchResult result = search(searched);
        for (int i = 1; i < readings.size() && result.matches() == 0; i++) {
            SearchResult other = search(readings.get(i));
            if (other.matches() > 0) {
                searched = readings.get(i);
                result = other;
            }
        }
        return print(searched, result);
    }

    private SearchResult search(String text) throws Exception {
        PathQuery paths = PathQuery.of(text);
        // a path search reads only the rows SQLite finds may match
        try (IndexedStore s = store.indexed(paths.sqliteGlobSuperset(), stderr())) {
            return s.index().search(paths, limit);
        }
    }

    private int print(String searched, SearchResult result) throws IOException {
        if (format.isJson()) {
            Output.json(stdout(), g -> {
                g.writeStartObject();
                g.writeStringField("query", searched);
                g.writeNumberField("matches", result.matches());
                g.writeArrayFieldStart("paths");
                for (PathVersions p : result.paths()) {
                    JsonWriting.pathVersions(g, p);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } else {
            try (Records out = format.records(stdout())) {
                for (PathVersions p : result.paths()) {
                    for (PathVersions.Version v : p.versions()) {
                        out.write(out.path(p.path()) + '\t' + TextWriting.entry(v.entry()) + '\t'
                                + v.snapshots().stream().map(x -> x.id()).collect(Collectors.joining(",")));
                    }
                }
            }
            if (result.truncated()) {
                stderr().println("pack-inspector: showing " + result.paths().size() + " of " + result.matches() + " matching paths (--limit)");
            }
        }
        return result.matches() > 0 ? Cli.OK : Cli.PROBLEMS;
    }

    private int objects(StoreIndex index, String prefix) throws IOException {
        List<ContentId> ids = index.objectsWithPrefix(prefix, limit);
        if (format.isJson()) {
            Output.jsonArray(stdout(), ids, (g, id) -> {
                g.writeStringField("id", id.toHex());
                JsonWriting.uses(g, index.usesOf(id));
            });
        } else {
            try (Records out = format.records(stdout())) {
                for (ContentId id : ids) {
                    for (StoreIndex.Use use : index.usesOf(id)) {
                        out.write(id.toHex() + '\t' + use.snapshot().id() + '\t' + out.path(use.path()));
                    }
                }
            }
        }
        return ids.isEmpty() ? Cli.PROBLEMS : Cli.OK;
    }
}
