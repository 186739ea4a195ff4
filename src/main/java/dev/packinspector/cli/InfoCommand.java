package dev.packinspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.packinspector.catalog.PathText;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFiles;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"The store's files other than its packs (catalog and SQLite's files beside it, tree pack, index.bin,"
                + " lock, leftovers of a killed save): path, size (- for a folder), what it is. Tab-separated.",
                "Nothing is opened: only listed. None of these files is a problem."})
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Option(names = "--json", description = "print a JSON array")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = PackSet.open(store)) {
            // refuses a folder that is no store, in the sentence every other command uses
        }
        List<StoreFiles.Entry> files = StoreFiles.of(store);
        if (json) {
            try (JsonGenerator g = Output.json(root.stdout)) {
                g.writeStartArray();
                for (StoreFiles.Entry f : files) {
                    g.writeStartObject();
                    g.writeStringField("path", f.path());
                    if (f.size() >= 0) {
                        g.writeNumberField("size", f.size());
                    }
                    g.writeStringField("what", f.what());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } else {
            try (Writer out = Output.text(root.stdout)) {
                for (StoreFiles.Entry f : files) {
                    out.write(PathText.quote(f.path()) + '\t' + (f.size() < 0 ? "-" : Long.toString(f.size())) + '\t' + f.what() + '\n');
                }
            }
        }
        return Cli.OK;
    }
}
