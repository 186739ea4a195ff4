package dev.packinspector.cli;

import dev.packinspector.history.ContentFinder;
import dev.packinspector.history.StoreIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

final class WhichCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final PositionalParamSpec files = add(Arguments.parameters("1", "FILE", Path.class, "local files or folders"));

    private final OutputFormat format = add(OutputFormat.json());

    WhichCommand() {
        super("which", "Is this exact content in the store? Hashes each FILE (folders: every file beneath, links not followed) as chkpt",
                "does and prints: the file, its id, 'in store' or 'not in store', then one indented line per snapshot and path using it.",
                "Exit 0 if every file's content is in the store, 1 if some is not, 3 if a file cannot be read.",
                "Of a store of chkpt 0.1.x, files are hashed as it hashes them (BLAKE3, 64 hex digits).");
    }

    @Override
    public Integer call() throws Exception {
        format.refuseBoth();
        var hashed = new ArrayList<ContentFinder.Found>();
        var found = new ArrayList<ContentFinder.Found>();
        try (OpenedStore opened = store.opened()) {
            // hashed as the store's format hashes: XXH3-128, or BLAKE3 for a store of chkpt 0.1.x
            ContentFinder.hash(Arguments.<Path>values(files), opened.lookup(), () -> false, hashed::add);
            var ids = hashed.stream().map(ContentFinder.Found::id).filter(java.util.Objects::nonNull).toList();
            // only the rows naming these ids are read, picked out by SQLite
            StoreIndex index = IndexedStore.indexUsing(opened, ids, stderr());
            for (ContentFinder.Found f : hashed) {
                found.add(f.inStore(opened.lookup(), index));
            }
        }
        if (format.isJson()) {
            Output.jsonArray(stdout(), found, (g, f) -> {
                g.writeStringField("file", f.file().toString());
                if (f.problem() != null) {
                    g.writeStringField("problem", f.problem());
                    return;
                }
                g.writeStringField("id", f.id().toHex());
                g.writeNumberField("size", f.size());
                g.writeBooleanField("in_store", f.inStore());
                g.writeArrayFieldStart("packs");
                for (String pack : f.packs()) {
                    g.writeString(pack);
                }
                g.writeEndArray();
                g.writeBooleanField("loose", f.loose());
                JsonWriting.uses(g, f.uses());
            });
        } else {
            try (Records out = format.records(stdout())) {
                for (ContentFinder.Found f : found) {
                    String file = out.path(f.file().toString());
                    if (f.problem() != null) {
                        out.write(file + "\t-\t" + Records.text(f.problem()));
                        continue;
                    }
                    out.write(file + "\t" + f.id().toHex() + '\t' + (f.inStore() ? "in store" : "not in store"));
                    for (StoreIndex.Use u : f.uses()) {
                        out.write("\t" + u.snapshot().id() + '\t' + u.snapshot().createdAt() + '\t' + out.path(u.path()));
                    }
                    if (f.uses().isEmpty() && f.kept() != null) {
                        out.write("\t" + f.kept() + ", used by no snapshot");
                    }
                }
            }
        }
        if (found.stream().anyMatch(f -> f.problem() != null)) {
            return Cli.UNREADABLE;
        }
        return found.stream().allMatch(ContentFinder.Found::inStore) ? Cli.OK : Cli.PROBLEMS;
    }
}
