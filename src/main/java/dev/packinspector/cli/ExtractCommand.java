package dev.packinspector.cli;

import dev.packinspector.legacy.LegacyId;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.restore.LooseObjects;
import dev.packinspector.restore.PackObjects;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ExtractCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final PositionalParamSpec ids = add(Arguments.parameters("1", "ID", String.class, "object ids (32 hex digits, 64 in a store of chkpt 0.1.x, or unique prefixes)"));

    private final OptionSpec to = add(Arguments.requiredOption("--to", "DIR", Path.class, "the folder to write into (created if missing)"));

    private final RestoreOptions options = add(new RestoreOptions());

    ExtractCommand() {
        super("extract", "Writes objects by id as DIR/<id>, verified, with default permissions.",
                "Works on a bare packs/ folder and on a store of chkpt 0.1.x too. Exit code 1 if an object is missing or damaged.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyStore legacy = LegacyStore.open(at);
            var items = new ArrayList<RestoreItem>();
            for (String text : Arguments.<String>values(ids)) {
                items.add(RestoreItem.object(resolve(legacy, text), -1));
            }
            return options.restore(new LooseObjects(legacy), items, Arguments.value(to), freeSpace(), stdout(), stderr());
        }
        try (PackSet packs = store.packs(); var catalog = store.catalogIfAny()) {
            var items = new ArrayList<RestoreItem>();
            for (String text : Arguments.<String>values(ids)) {
                ObjectId id = CatCommand.resolve(packs, text);
                long size = -1;
                if (catalog.value().isPresent()) {
                    size = catalog.value().get().blob(id).map(b -> b.size()).orElse(-1L);
                }
                items.add(RestoreItem.object(id, size));
            }
            return options.restore(new PackObjects(packs), items, Arguments.value(to), freeSpace(), stdout(), stderr());
        }
    }

    /** The object of a store of chkpt 0.1.x that {@code text} (64 hex digits, or a unique prefix of at least 4) names. */
    private static LegacyId resolve(LegacyStore legacy, String text) throws java.io.IOException {
        if (text.length() == 2 * LegacyId.BYTES) {
            return LegacyId.parse(text);
        }
        if (text.length() < CatCommand.MIN_PREFIX || !ObjectId.isHex(text)) {
            throw new UsageException("'" + text + "' is not an object id of this store of chkpt 0.1.x: give 64 hex digits or at least "
                    + CatCommand.MIN_PREFIX + " of them");
        }
        List<LegacyId> found = legacy.objectsStartingWith(text.toLowerCase(java.util.Locale.ROOT), 6);
        if (found.isEmpty()) {
            throw new UsageException("no object id starts with '" + text + "' in " + legacy.root().resolve("objects"));
        }
        if (found.size() > 1) {
            throw new UsageException("object id prefix '" + text + "' is ambiguous: " + found.stream().limit(5).map(LegacyId::toHex).toList()
                    + (found.size() > 5 ? " and more" : ""));
        }
        return found.getFirst();
    }
}
