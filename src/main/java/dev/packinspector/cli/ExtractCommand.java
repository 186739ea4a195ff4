package dev.packinspector.cli;

import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract",
        description = {"Writes objects by id as DIR/<id>, verified, with default permissions.",
                "Works on a bare packs/ folder too. Exit code 1 if an object is missing or damaged."})
final class ExtractCommand extends Subcommand {
    @Mixin
    private StoreArgument.FolderOrPacks store;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "object ids (32 hex digits or unique prefixes)")
    private List<String> ids;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the folder to write into (created if missing)")
    private Path to;

    @Mixin
    private RestoreOptions options;

    @Override
    public Integer call() throws Exception {
        try (PackSet packs = store.packs(); var catalog = store.catalogIfAny()) {
            var items = new ArrayList<RestoreItem>();
            for (String text : ids) {
                ObjectId id = CatCommand.resolve(packs, text);
                long size = -1;
                if (catalog.value().isPresent()) {
                    size = catalog.value().get().blob(id).map(b -> b.size()).orElse(-1L);
                }
                items.add(RestoreItem.object(id, size));
            }
            return options.restore(packs, items, to, freeSpace(), stdout(), stderr());
        }
    }
}
