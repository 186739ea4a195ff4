package dev.packinspector.restore;

import dev.packinspector.catalog.PathText;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import dev.packinspector.store.StoredObject;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link RestorePlan}: refuses unsafe or unusable entries (absolute paths, {@code ..},
 * paths through a link the same restore creates or one already in the target, device modes,
 * duplicates, missing objects), then compares each entry with what the target holds (size, then
 * the store's hash of the file), and measures the room on the target's file system against what the plan
 * writes. Reads the target and the store; writes nothing. Knows a store only as an {@link ObjectSource}. Not thread-safe.
 */
public final class RestorePlanner {
    /** The JVM names files in UTF-8 (the launchers see to it), so a name fails to encode only for a lone surrogate. */
    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    private final ObjectSource source;
    private final Path target;
    private final boolean overwrite;
    private final FreeSpace freeSpace;
    /** Bytes the files this plan replaces hold now (freed when their new copies are renamed over them), and the largest new copy. */
    private long replacedBytes;
    private long largestReplacement;
    private final Map<String, RestoreProblem> folderProblems = new HashMap<>();
    private final Set<String> foldersToCreate = new TreeSet<>();
    /** Folders (relative, "" for the target itself) known not to exist yet: nothing beneath them needs a look. */
    private final Set<String> missingFolders = new java.util.HashSet<>();
    private final List<RestorePlan.Write> writes = new ArrayList<>();
    private final List<RestorePlan.Existing> unchanged = new ArrayList<>();
    private final List<RestorePlan.Existing> conflicts = new ArrayList<>();
    private final List<RestoreProblem> refused = new ArrayList<>();
    /** For comparing links already in the target; made when one is found (it may load a native library). */
    private ObjectSource.Decoder decoder;

    private RestorePlanner(ObjectSource source, Path target, boolean overwrite, FreeSpace freeSpace) {
        this.source = source;
        this.target = target;
        this.overwrite = overwrite;
        this.freeSpace = freeSpace;
    }

    /**
     * Plans restoring {@code items} from {@code packs} into {@code target}.
     *
     * @throws IllegalArgumentException if the target is inside the store or is not a folder
     */
    public static RestorePlan plan(PackSet packs, List<RestoreItem> items, Path target, boolean overwrite) throws IOException {
        return plan(new PackObjects(packs), items, target, overwrite, FreeSpace.SYSTEM);
    }

    /**
     * Plans as {@link #plan(ObjectSource, List, Path, boolean, FreeSpace)} does, from {@code packs}.
     *
     * @throws IllegalArgumentException if the target is inside the store or is not a folder
     */
    public static RestorePlan plan(PackSet packs, List<RestoreItem> items, Path target, boolean overwrite, FreeSpace freeSpace) throws IOException {
        return plan(new PackObjects(packs), items, target, overwrite, freeSpace);
    }

    /**
     * Plans restoring {@code items} from {@code source} into {@code target}, asking {@code freeSpace}
     * how much room the target's file system has.
     *
     * @throws IllegalArgumentException if the target is inside the store or is not a folder
     */
    public static RestorePlan plan(ObjectSource source, List<RestoreItem> items, Path target, boolean overwrite, FreeSpace freeSpace)
            throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        source.refuseInside(absolute);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the restore target " + target + " is not a folder");
        }
        var planner = new RestorePlanner(source, absolute, overwrite, freeSpace);
        if (!Files.exists(absolute)) {
            planner.missingFolders.add("");
        }
        for (RestoreItem item : planner.acceptable(items)) {
            planner.planOne(item);
        }
        return planner.finish();
    }

    /** Entries that are safe and consistent as a whole; refuses the rest. */
    private List<RestoreItem> acceptable(List<RestoreItem> items) {
        Map<String, RestoreItem> byPath = new LinkedHashMap<>();
        for (RestoreItem item : items) {
            String unsafe = SafePaths.problem(item.path());
            if (item.problem() != null) {
                refuse(item, ProblemKind.UNSUPPORTED_ENTRY, item.problem());
            } else if (unsafe != null) {
                refuse(item, ProblemKind.UNSAFE_PATH, unsafe);
            } else if (!nameable(item.path())) {
                refuse(item, ProblemKind.WRITE_FAILED, "this Java runtime names files in " + System.getProperty("sun.jnu.encoding")
                        + ", which cannot hold this name; start it in a UTF-8 locale (LC_ALL=C.UTF-8)");
            } else if (item.unsupportedType() != null) {
                refuse(item, ProblemKind.UNSUPPORTED_ENTRY, item.unsupportedType());
            } else if (byPath.putIfAbsent(item.path(), item) != null) {
                refuse(item, ProblemKind.UNSAFE_PATH, "the path is listed twice; the first entry is restored");
            }
        }
        var result = new ArrayList<RestoreItem>();
        var linksWithEntriesBeneath = new java.util.LinkedHashSet<String>();
        for (RestoreItem item : byPath.values()) {
            String blocker = blockingAncestor(item.path(), byPath);
            if (blocker == null) {
                result.add(item);
            } else if (byPath.get(blocker).symlink()) {
                linksWithEntriesBeneath.add(blocker);
                refuse(item, ProblemKind.UNSAFE_PATH, "it would be written through the symlink '" + blocker + "' that this restore creates");
            } else {
                refuse(item, ProblemKind.TARGET_BLOCKED, "'" + blocker + "' is a file in the same snapshot, so it cannot be a folder");
            }
        }
        // A scan never records entries beneath a link: such a manifest was crafted, so the link is not trusted either.
        for (String link : linksWithEntriesBeneath) {
            RestoreItem item = byPath.get(link);
            result.remove(item);
            refuse(item, ProblemKind.UNSAFE_PATH, "the snapshot lists entries beneath this symlink, which a scan never records");
        }
        return result;
    }

    /** False if the JVM's file-name charset (fixed by the locale it started in) cannot encode {@code path}. */
    private boolean nameable(String path) {
        if (UTF8_NAMES) {
            return !PathText.hasLoneSurrogate(path); // the one thing UTF-8 cannot encode (NUL was refused before)
        }
        try {
            target.resolve(path);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String blockingAncestor(String path, Map<String, RestoreItem> byPath) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String ancestor = path.substring(0, slash);
            if (byPath.containsKey(ancestor)) {
                return ancestor;
            }
        }
        return null;
    }

    private void planOne(RestoreItem item) throws IOException {
        String folder = SafePaths.parent(item.path());
        RestoreProblem blocked = folderProblem(folder);
        if (blocked != null) {
            refuse(item, blocked.kind(), blocked.message());
            return;
        }
        if (missingFolders.contains(folder)) {
            write(item, false); // its folder is not there yet: nothing to compare with
            return;
        }
        Path file = target.resolve(item.path());
        PosixFileAttributes existing;
        try {
            existing = attributes(file);
        } catch (FileSystemException e) {
            refuse(item, ProblemKind.WRITE_FAILED, "the target's file system cannot hold it: " + reason(e));
            return;
        }
        if (existing == null) {
            write(item, false);
            return;
        }
        if (existing.isDirectory()) {
            refuse(item, ProblemKind.TARGET_BLOCKED, "a folder of that name is in the target");
            return;
        }
        if (identical(item, file, existing)) {
            boolean modeDiffers = !item.symlink() && item.permissions() >= 0
                    && (PosixModes.bits(existing.permissions()) != item.permissions());
            unchanged.add(new RestorePlan.Existing(item, modeDiffers));
        } else if (overwrite) {
            if (write(item, true)) {
                replacedBytes += existing.isSymbolicLink() ? 0 : existing.size();
                largestReplacement = Math.max(largestReplacement, Math.max(0, item.size()));
            }
        } else {
            conflicts.add(new RestorePlan.Existing(item, false));
        }
    }

    /** Plans writing {@code item}; false if it is refused instead (the store has no readable copy of its object). */
    private boolean write(RestoreItem item, boolean replaces) {
        StoredObject at = source.locate(item.id());
        if (at == null) {
            refuse(item, ProblemKind.OBJECT_NOT_FOUND, source.notFound(item.id()));
            return false;
        }
        for (String f = SafePaths.parent(item.path()); !f.isEmpty() && foldersToCreate.add(f); f = SafePaths.parent(f)) {
            // every missing ancestor, once
        }
        writes.add(new RestorePlan.Write(item, at, replaces));
        return true;
    }

    private boolean identical(RestoreItem item, Path file, PosixFileAttributes existing) throws IOException {
        if (item.symlink()) {
            if (!existing.isSymbolicLink()) {
                return false;
            }
            StoredObject at = source.locate(item.id());
            return at != null && at.compressedSize() <= 1 << 16 && Files.readSymbolicLink(file).toString().equals(linkTarget(item, at));
        }
        if (!existing.isRegularFile() || (item.size() >= 0 && existing.size() != item.size())) {
            return false;
        }
        return source.idOfFile(file).equals(item.id());
    }

    /** The link target the store holds for {@code item}, or null if it does not decode to the item's content (the write then says why). */
    private String linkTarget(RestoreItem item, StoredObject at) throws IOException {
        if (decoder == null) {
            decoder = source.decoder();
        }
        try {
            return new String(decoder.read(item, at), java.nio.charset.StandardCharsets.UTF_8);
        } catch (StoreException e) {
            return null;
        }
    }

    /** Null if {@code folder} (relative) is or can become a real folder of the target, else why not. */
    private RestoreProblem folderProblem(String folder) throws IOException {
        if (folder.isEmpty()) {
            return null;
        }
        if (folderProblems.containsKey(folder)) {
            return folderProblems.get(folder);
        }
        String parent = SafePaths.parent(folder);
        RestoreProblem problem = folderProblem(parent);
        if (problem == null && missingFolders.contains(parent)) {
            missingFolders.add(folder);
        } else if (problem == null) {
            PosixFileAttributes a;
            try {
                a = attributes(target.resolve(folder));
            } catch (FileSystemException e) {
                a = null;
                problem = new RestoreProblem(folder, null, ProblemKind.WRITE_FAILED, "the target's file system cannot hold the folder '" + folder
                        + "': " + reason(e));
            }
            if (problem != null) {
                // reported as it is
            } else if (a == null) {
                missingFolders.add(folder);
            } else if (a.isSymbolicLink()) {
                problem = new RestoreProblem(folder, null, ProblemKind.UNSAFE_PATH,
                        "'" + folder + "' in the target is a symlink; nothing is written through links");
            } else if (!a.isDirectory()) {
                problem = new RestoreProblem(folder, null, ProblemKind.TARGET_BLOCKED, "'" + folder + "' in the target is a file, not a folder");
            }
        }
        folderProblems.put(folder, problem);
        return problem;
    }

    /** The file system's own words (ENAMETOOLONG: "File name too long"), without the path Java puts in front. */
    static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static PosixFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void refuse(RestoreItem item, ProblemKind kind, String why) {
        refused.add(new RestoreProblem(item.path(), item.id(), kind, why));
    }

    private RestorePlan finish() {
        source.sortForReading(writes);
        var missing = new ArrayList<String>();
        for (String f : foldersToCreate) {
            if (missingFolders.contains(f)) {
                missing.add(f);
            }
        }
        return new RestorePlan(source, target, writes, missing, unchanged, conflicts, refused, overwrite, space(RestorePlan.contentBytes(writes)));
    }

    /** The room the target's file system has (measured at its nearest existing folder) against what the plan writes. */
    private RestorePlan.Space space(long bytesToWrite) {
        return RestorePlan.Space.measure(target, freeSpace, Math.max(0, bytesToWrite - replacedBytes) + largestReplacement);
    }
}
