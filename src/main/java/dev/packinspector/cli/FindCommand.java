package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.history.PathQuery;
import dev.packinspector.history.PathVersions;
import dev.packinspector.history.SearchResult;
import dev.packinspector.history.StoreIndex;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"Paths across all snapshots: one line per version, path, id, size, mode (octal), the snapshots holding it.",
            "QUERY is text found anywhere in the path, or a glob (*, ?, [..], ** across folders; without / it matches the file name).",
            "Case is ignored unless QUERY has an upper-case letter. With --id, objects whose id starts with the prefix, and where they are used."})
final class FindCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "text or glob to find in paths")
    private String query;

    @Option(names = "--id", paramLabel = "PREFIX", description = "find objects by id prefix (hex) instead")
    private String idPrefix;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many paths or objects (default ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        if ((query == null) == (idPrefix == null)) {
            throw new UsageException("give either a QUERY or --id PREFIX");
        }
        PathQuery paths = query == null ? null : PathQuery.of(query);
        // a path search reads only the rows SQLite finds may match; an id search needs them all
        try (IndexedStore s = IndexedStore.open(store, paths == null ? null : paths.sqliteGlobSuperset(), root.stderr)) {
            if (idPrefix != null) {
                return objects(s.index(), idPrefix);
            }
            SearchResult result = s.index().search(paths, limit);
            if (json) {
                try (JsonGenerator g = Output.json(root.stdout)) {
                    g.writeStartObject();
                    g.writeStringField("query", query);
                    g.writeNumberField("matches", result.matches());
                    g.writeArrayFieldStart("paths");
                    for (PathVersions p : result.paths()) {
                        JsonWriting.pathVersions(g, p);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            } else {
                try (Writer out = Output.text(root.stdout)) {
                    for (PathVersions p : result.paths()) {
                        for (PathVersions.Version v : p.versions()) {
                            out.write(p.path() + '\t' + TextWriting.entry(v.entry()) + '\t'
                                    + v.snapshots().stream().map(x -> x.id()).collect(Collectors.joining(",")) + '\n');
                        }
                    }
                }
                if (result.truncated()) {
                    root.stderr.println("pack-inspector: showing " + result.paths().size() + " of " + result.matches() + " matching paths (--limit)");
                }
            }
            return result.matches() > 0 ? Cli.OK : Cli.PROBLEMS;
        }
    }

    private int objects(StoreIndex index, String prefix) throws IOException {
        List<ObjectId> ids = index.objectsWithPrefix(prefix, limit);
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                g.writeStartArray();
                for (ObjectId id : ids) {
                    g.writeStartObject();
                    g.writeStringField("id", id.toHex());
                    JsonWriting.uses(g, index.usesOf(id));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } else {
            try (Writer out = Output.text(root.stdout)) {
                for (ObjectId id : ids) {
                    for (StoreIndex.Use use : index.usesOf(id)) {
                        out.write(id.toHex() + '\t' + use.snapshot().id() + '\t' + use.path() + '\n');
                    }
                }
            }
        }
        return ids.isEmpty() ? Cli.PROBLEMS : Cli.OK;
    }
}
