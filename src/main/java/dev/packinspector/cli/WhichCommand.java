package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.history.ContentFinder;
import dev.packinspector.history.StoreIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "which", mixinStandardHelpOptions = true,
        description = {"Is this exact content in the store? Hashes each FILE (folders: every file beneath, links not followed) as chkpt",
            "does and prints: the file, its id, 'in store' or 'not in store', then one indented line per snapshot and path using it.",
            "Exit 0 if every file's content is in the store, 1 if some is not, 3 if a file cannot be read."})
final class WhichCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "local files or folders")
    private List<Path> files;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Mixin
    private NulOption z;

    @Override
    public Integer call() throws Exception {
        z.refuseWith(json);
        var hashed = new ArrayList<ContentFinder.Found>();
        ContentFinder.hash(files, () -> false, hashed::add);
        var ids = hashed.stream().map(ContentFinder.Found::id).filter(java.util.Objects::nonNull).toList();
        var found = new ArrayList<ContentFinder.Found>();
        // only the rows naming these ids are read, picked out by SQLite
        try (IndexedStore s = IndexedStore.openUsing(store, ids, root.stderr)) {
            for (ContentFinder.Found f : hashed) {
                found.add(f.inStore(s.packs(), s.index()));
            }
        }
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                g.writeStartArray();
                for (ContentFinder.Found f : found) {
                    g.writeStartObject();
                    g.writeStringField("file", f.file().toString());
                    if (f.problem() != null) {
                        g.writeStringField("problem", f.problem());
                    } else {
                        g.writeStringField("id", f.id().toHex());
                        g.writeNumberField("size", f.size());
                        g.writeBooleanField("in_store", f.inStore());
                        g.writeArrayFieldStart("packs");
                        for (var at : f.packs()) {
                            g.writeString(at.pack().name());
                        }
                        g.writeEndArray();
                        JsonWriting.uses(g, f.uses());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } else {
            try (Records out = z.open(root.stdout)) {
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
                    if (f.uses().isEmpty() && !f.packs().isEmpty()) {
                        out.write("\tin pack " + f.packs().get(0).pack().name() + ", used by no snapshot");
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
