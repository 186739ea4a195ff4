package dev.packinspector.store.tree;

import dev.packinspector.store.Mapping;
import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loose trees {@code trees/<2 hex>/<30 hex>} (TREES-FORMAT.md §5): the bare bytes of one tree,
 * written only by chkpt 7f7f180's N-API {@code tree_build}; read after the pack, as 7f7f180 does.
 * chkpt 0.1.x's {@code <2 hex>/<62 hex>} trees are another format and are left alone. Each read
 * maps its file, decodes and hashes it, and unmaps it. Stateless, thread-safe.
 */
final class LooseTrees implements TreeSource {
    private static final Pattern SUBFOLDER = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern FILE = Pattern.compile("[0-9a-f]{30}");

    private final Path folder;

    LooseTrees(Path folder) {
        this.folder = folder;
    }

    Path fileOf(ObjectId id) {
        String hex = id.toHex();
        return folder.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    @Override
    public Optional<List<TreeEntry>> find(ObjectId id) throws StoreException {
        Path file = fileOf(id);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment object = Mapping.map(file, arena, ProblemKind.TREE_MISSING);
            List<TreeEntry> entries = TreeDecoder.decode(object, file, 0, id);
            TreePack.checkId(object, id, file, 0);
            return Optional.of(entries);
        }
    }

    /** Every loose tree decoded and hashed; each failure reported. */
    void validate(Consumer<StoreException> findings) {
        for (ObjectId id : ids(findings)) {
            try {
                find(id);
            } catch (StoreException e) {
                findings.accept(e);
            }
        }
    }

    /** The ids of the loose tree files, in id order. */
    List<ObjectId> ids(Consumer<StoreException> findings) {
        var ids = new java.util.ArrayList<ObjectId>();
        try (Stream<Path> subfolders = Files.list(folder)) {
            for (Path sub : subfolders.sorted().toList()) {
                String prefix = sub.getFileName().toString();
                if (!SUBFOLDER.matcher(prefix).matches() || !Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(sub)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> FILE.matcher(n).matches()).sorted()
                            .forEach(n -> ids.add(ObjectId.parse(prefix + n)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            findings.accept(new StoreException(ProblemKind.UNREADABLE, folder, StoreException.NO_OFFSET,
                    "cannot list the loose trees (" + e.getMessage() + ")", e));
        }
        return ids;
    }
}
