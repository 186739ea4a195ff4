package dev.packinspector.restore;

import dev.packinspector.catalog.PathText;
import dev.packinspector.store.ObjectLocation;
import dev.packinspector.store.ObjectReader;
import dev.packinspector.store.Pack;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.Xxh3;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link RestorePlan}: refuses unsafe or unusable entries (absolute paths, {@code ..},
 * paths through a link the same restore creates or one already in the target, device modes,
 * duplicates, missing objects), then compares each entry with what the target holds (size, then
 * XXH3-128 of the file), and measures the room on the target's file system against what the plan
 * writes. Reads the target and the store; writes nothing. Not thread-safe.
 */
public final class RestorePlanner {
    /** The JVM names files in UTF-8 (the launchers see to it), so a name fails to encode only for a lone surrogate. */
    private static final boolean UTF8_NAMES = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));

    private final PackSet packs;
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
    /** For comparing links already in the target; made when one is found (it loads LZ4's native library). */
    private ObjectReader reader;

    private RestorePlanner(PackSet packs, Path target, boolean overwrite, FreeSpace freeSpace) {
        this.packs = packs;
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
        return plan(packs, items, target, overwrite, FreeSpace.SYSTEM);
    }

    /**
     * Plans as {@link #plan(PackSet, List, Path, boolean)} does, asking {@code freeSpace} how much room the target's file system has.
     *
     * @throws IllegalArgumentException if the target is inside the store or is not a folder
     */
    public static RestorePlan plan(PackSet packs, List<RestoreItem> items, Path target, boolean overwrite, FreeSpace freeSpace) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        refuseInsideStore(packs, absolute);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the restore target " + target + " is not a folder");
        }
        var planner = new RestorePlanner(packs, absolute, overwrite, freeSpace);
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

    /** Refuses a folder to write into that lies inside the store (its packs folder, or a store folder with a catalog). */
    static void refuseInsideStore(PackSet packs, Path folder) throws IOException {
        Path store = packs.packsDir().toRealPath().getParent();
        Path absolute = folder.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        if (real.startsWith(packs.packsDir().toRealPath()) || (Files.exists(store.resolve("catalog.sqlite")) && real.startsWith(store))) {
            throw new IllegalArgumentException("the target " + folder + " is inside the store; choose a folder outside it");
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

    /** Plans writing {@code item}; false if it is refused instead (its object is in no readable pack). */
    private boolean write(RestoreItem item, boolean replaces) {
        ObjectLocation at = packs.locate(item.id()).orElse(null);
        if (at == null) {
            refuse(item, ProblemKind.OBJECT_NOT_FOUND, "object " + item.id() + " is in none of the readable packs");
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
            ObjectLocation at = packs.locate(item.id()).orElse(null);
            return at != null && at.compressedSize() <= 1 << 16
                    && Files.readSymbolicLink(file).toString().equals(new String(reader().readAll(at), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!existing.isRegularFile() || (item.size() >= 0 && existing.size() != item.size())) {
            return false;
        }
        return Xxh3.idOfFile(file).equals(item.id());
    }

    private ObjectReader reader() {
        if (reader == null) {
            reader = new ObjectReader();
        }
        return reader;
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
        sortForReading(writes, packs.readablePacks());
        var missing = new ArrayList<String>();
        for (String f : foldersToCreate) {
            if (missingFolders.contains(f)) {
                missing.add(f);
            }
        }
        return new RestorePlan(target, writes, missing, unchanged, conflicts, refused, overwrite, space(RestorePlan.contentBytes(writes)));
    }

    /**
     * Files before links, then in pack order and offset within each pack, so the workers read each
     * pack front to back. Each write's place is worked out once (a comparator that looked up the
     * pack's rank on every comparison was a fifth of a dry run's time).
     */
    static void sortForReading(List<RestorePlan.Write> writes, List<Pack> packOrder) {
        Map<Pack, Integer> rank = new IdentityHashMap<>();
        for (Pack p : packOrder) {
            rank.put(p, rank.size());
        }
        record Placed(int group, long offset, RestorePlan.Write write) {
        }
        var placed = new Placed[writes.size()];
        for (int i = 0; i < placed.length; i++) {
            RestorePlan.Write w = writes.get(i);
            int packRank = rank.getOrDefault(w.location().pack(), rank.size());
            placed[i] = new Placed(w.item().symlink() ? rank.size() + 1 + packRank : packRank, w.location().offset(), w);
        }
        Arrays.sort(placed, (a, b) -> a.group != b.group ? Integer.compare(a.group, b.group) : Long.compare(a.offset, b.offset));
        for (int i = 0; i < placed.length; i++) {
            writes.set(i, placed[i].write);
        }
    }

    /** The room the target's file system has (measured at its nearest existing folder) against what the plan writes. */
    private RestorePlan.Space space(long bytesToWrite) {
        return RestorePlan.Space.measure(target, freeSpace, Math.max(0, bytesToWrite - replacedBytes) + largestReplacement);
    }
}
