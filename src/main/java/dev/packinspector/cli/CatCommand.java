package dev.packinspector.cli;

import dev.packinspector.legacy.LegacyId;
import dev.packinspector.legacy.LegacyObjects;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.PositionalParamSpec;

final class CatCommand extends Subcommand {
    static final int MIN_PREFIX = 4;

    private final StoreArgument store = add(StoreArgument.folderOrPacks());

    private final PositionalParamSpec id = add(Arguments.parameter("1", "ID", String.class,
            "object id: 32 hex digits (64 in a store of chkpt 0.1.x), or a unique prefix of at least " + MIN_PREFIX));

    CatCommand() {
        super("cat", "Writes an object's decompressed bytes to standard output.",
                "The content is hashed as it streams; if it does not match its id the command fails with exit code 3.");
    }

    @Override
    public Integer call() throws Exception {
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyStore legacy = LegacyStore.open(at);
            new LegacyObjects(legacy).decode(resolve(legacy, Arguments.value(id)), -1, stdout());
            return Cli.OK;
        }
        try (PackSet packs = store.packs()) {
            packs.copyTo(resolve(packs, Arguments.value(id)), stdout());
            return Cli.OK;
        }
    }

    /** The full id for {@code text} in a store of chkpt 0.1.x: itself if it is one, else the one loose object's id it is a prefix of. */
    static LegacyId resolve(LegacyStore store, String text) throws java.io.IOException {
        if (text.length() == 2 * LegacyId.BYTES) {
            try {
                return LegacyId.parse(text.toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        requireLongEnough(text);
        return theOne(text, store.objectsStartingWith(text.toLowerCase(java.util.Locale.ROOT), 6), store.root().resolve("objects").toString()
                + (text.length() == 2 * ObjectId.BYTES ? " (this store of chkpt 0.1.x names objects by BLAKE3: 64 hex digits)" : ""));
    }

    /** The full id for {@code text}: itself if it is one, else the one id it is a prefix of. */
    static ObjectId resolve(PackSet packs, String text) {
        if (text.length() == 2 * ObjectId.BYTES) {
            return ObjectId.parse(text);
        }
        requireLongEnough(text);
        PackSet.RowRange rows = packs.rowsWithPrefix(text);
        var ids = new LinkedHashSet<ObjectId>();
        for (int r = rows.from(); r < rows.to() && ids.size() < 6; r++) {
            ids.add(packs.entryAt(r).id());
        }
        return theOne(text, List.copyOf(ids), packs.packsDir().toString());
    }

    private static void requireLongEnough(String prefix) {
        if (prefix.length() < MIN_PREFIX) {
            throw new UsageException("object id prefix '" + prefix + "' is too short: give at least " + MIN_PREFIX + " hex digits");
        }
    }

    /** The one id of {@code ids} (up to 6 of those starting with {@code prefix}, in id order), or why there is not one; {@code where} is searched. */
    private static <T extends dev.packinspector.store.ContentId> T theOne(String prefix, List<T> ids, String where) {
        if (ids.isEmpty()) {
            throw new UsageException("no object id starts with '" + prefix + "' in " + where);
        }
        if (ids.size() > 1) {
            throw new UsageException("object id prefix '" + prefix + "' is ambiguous: " + ids.stream().limit(5).map(dev.packinspector.store.ContentId::toHex).toList()
                    + (ids.size() > 5 ? " and more" : ""));
        }
        return ids.getFirst();
    }
}
