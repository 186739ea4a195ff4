package dev.packinspector.workspace;

import dev.packinspector.catalog.ManifestEntry;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.SafePaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link RollbackPlan} from a snapshot's rows and a scan of the folder
 * ({@link WorkspaceScan}) under the rules of chkpt's save ({@link ChkptRules}): for each path asked
 * for (all when none is), what the snapshot has and the folder lacks or holds otherwise is
 * written, what differs only in permissions gets them back, and what the folder has and the
 * snapshot does not goes to the trash, as does a file or link standing where the snapshot has a
 * folder, even outside the paths asked for (else what was asked could not be written). A new folder
 * whose every entry goes goes to the trash whole, as a file manager would move it. What chkpt leaves
 * out of its saves is never touched, nor the trash or the store if they lie in the folder. Reads the
 * folder; writes nothing.
 */
public final class RollbackPlanner {
    private final Path root;
    private final Map<String, ManifestEntry> snapshot = new LinkedHashMap<>();
    private final Map<String, ManifestEntry> now = new LinkedHashMap<>();
    /** Every folder the snapshot's paths run through. */
    private final Set<String> snapshotFolders = new HashSet<>();
    private final List<String> selection;
    private final ChkptRules rules;
    private final List<Path> untouchable;
    private final List<RollbackPlan.Step> writes = new ArrayList<>();
    private final Map<String, ManifestEntry> trash = new java.util.TreeMap<>();
    private final List<RollbackPlan.Refusal> refused = new ArrayList<>();

    private RollbackPlanner(Path root, List<String> selection, ChkptRules rules, List<Path> untouchable) {
        this.root = root;
        this.selection = selection;
        this.rules = rules;
        this.untouchable = untouchable;
    }

    /**
     * The plan for putting {@code paths} (workspace-relative; none for everything) of the folder
     * {@code workspace}, whose scan is {@code scanned}, back as they are in {@code snapshot}, whose
     * rows are {@code files}. {@code untouchable} are folders never to move (the trash, the store).
     *
     * @throws IllegalArgumentException if a path is unsafe, or neither the snapshot nor the folder has it
     */
    public static RollbackPlan plan(Path workspace, Snapshot snapshot, List<ManifestEntry> files, List<ManifestEntry> scanned,
            ChkptRules rules, List<String> paths, List<Path> untouchable) throws IOException {
        Path root = workspace.toRealPath();
        var planner = new RollbackPlanner(root, clean(paths), rules, untouchable.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        files.forEach(e -> planner.snapshot.putIfAbsent(e.path(), e));
        scanned.forEach(e -> planner.now.putIfAbsent(e.path(), e));
        planner.snapshot.keySet().forEach(p -> ancestors(p).forEach(planner.snapshotFolders::add));
        planner.checkSelection();
        return planner.finish(snapshot);
    }

    private static List<String> clean(List<String> paths) {
        var out = new ArrayList<String>();
        for (String p : paths) {
            String clean = p;
            while (clean.endsWith("/") && clean.length() > 1) {
                clean = clean.substring(0, clean.length() - 1);
            }
            if (clean.equals(".")) {
                return List.of();
            }
            String problem = SafePaths.problem(clean);
            if (problem != null) {
                throw new IllegalArgumentException("--path '" + p + "': " + problem);
            }
            out.add(clean);
        }
        return out;
    }

    private void checkSelection() {
        for (String s : selection) {
            boolean known = snapshot.keySet().stream().anyMatch(p -> under(p, s)) || now.keySet().stream().anyMatch(p -> under(p, s));
            if (!known) {
                throw new IllegalArgumentException("neither the snapshot nor the folder has anything at '" + s + "'");
            }
        }
    }

    private boolean inScope(String path) {
        return selection.isEmpty() || selection.stream().anyMatch(s -> under(path, s));
    }

    private static boolean under(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder) && path.length() > folder.length() && path.charAt(folder.length()) == '/';
    }

    private RollbackPlan finish(Snapshot s) throws IOException {
        for (ManifestEntry was : snapshot.values()) {
            if (inScope(was.path())) {
                planWrite(was);
            }
        }
        for (ManifestEntry is : now.values()) {
            if (inScope(is.path()) && !snapshot.containsKey(is.path())) {
                planTrash(is);
            }
        }
        var steps = new ArrayList<RollbackPlan.Step>();
        steps.addAll(trashSteps());
        writes.sort(Comparator.comparing((RollbackPlan.Step w) -> w.action() == RollbackPlan.Action.MODE).thenComparing(RollbackPlan.Step::path));
        steps.addAll(writes);
        return new RollbackPlan(root, s, steps, refused);
    }

    private void planWrite(ManifestEntry was) {
        String path = was.path();
        ManifestEntry is = now.get(path);
        if (is != null && is.usable() && Objects.equals(is.blob(), was.blob()) && is.size() == was.size() && is.mode() == was.mode()) {
            return; // as the snapshot has it (the scan saw it there, so it is a safe path chkpt's rules do not leave out)
        }
        String unsafe = SafePaths.problem(path);
        if (!was.usable() || unsafe != null) {
            refused.add(new RollbackPlan.Refusal(path, unsafe != null ? unsafe : "the snapshot's row is unusable: " + was.problem()));
            return;
        }
        if (rules.leftOut(path)) {
            refused.add(new RollbackPlan.Refusal(path, "chkpt leaves this path out of its saves now (its built-in rules or .chkptignore),"
                    + " so a rollback does not touch it"));
            return;
        }
        if (is != null && is.usable() && Objects.equals(is.blob(), was.blob()) && is.size() == was.size()) {
            boolean sameType = (is.mode() & 0170000) == (was.mode() & 0170000);
            writes.add(new RollbackPlan.Step(sameType ? RollbackPlan.Action.MODE : RollbackPlan.Action.REPLACE, path, was, is, false, 1));
            return;
        }
        // a file or link where the snapshot has a folder on the way must go first
        for (String folder : ancestors(path)) {
            ManifestEntry blocker = now.get(folder);
            if (blocker != null && !snapshot.containsKey(folder)) {
                planTrash(blocker);
            }
        }
        writes.add(new RollbackPlan.Step(is == null ? RollbackPlan.Action.WRITE : RollbackPlan.Action.REPLACE, path, was, is, false, 1));
    }

    private void planTrash(ManifestEntry is) {
        Path file = root.resolve(is.path());
        for (Path keep : untouchable) {
            if (keep.startsWith(file)) {
                refused.add(new RollbackPlan.Refusal(is.path(), "it holds " + keep + ", which a rollback never moves"));
                return;
            }
        }
        trash.put(is.path(), is);
    }

    /**
     * The trash steps: the topmost folders whose every entry is trashed and which the snapshot does
     * not need go whole (checked on disk: nothing in them that the scan passed over), the rest file by file.
     */
    private List<RollbackPlan.Step> trashSteps() throws IOException {
        Map<String, Integer> rowsUnder = new HashMap<>();
        for (String path : trash.keySet()) {
            for (String folder : ancestors(path)) {
                rowsUnder.merge(folder, 1, Integer::sum);
            }
        }
        var candidates = new TreeSet<String>(rowsUnder.keySet());
        var steps = new ArrayList<RollbackPlan.Step>();
        var whole = new ArrayList<String>();
        for (String folder : candidates) {
            if (whole.stream().anyMatch(w -> under(folder, w)) || snapshotFolders.contains(folder) || !inScope(folder)
                    || untouchable.stream().anyMatch(k -> k.startsWith(root.resolve(folder)))) {
                continue;
            }
            int rows = rowsUnder.get(folder);
            if (rows == entriesOnDisk(root.resolve(folder))) {
                whole.add(folder);
                steps.add(new RollbackPlan.Step(RollbackPlan.Action.TRASH, folder, null, null, true, rows));
            }
        }
        for (ManifestEntry is : trash.values()) {
            if (whole.stream().noneMatch(w -> under(is.path(), w))) {
                steps.add(new RollbackPlan.Step(RollbackPlan.Action.TRASH, is.path(), null, is, false, 1));
            }
        }
        steps.sort(Comparator.comparing(RollbackPlan.Step::path));
        return steps;
    }

    /** Files, links and special files beneath {@code folder} (a real folder, not followed through links); -1 if it cannot be walked. */
    private static int entriesOnDisk(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return -1;
        }
        int[] count = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    count[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    count[0] = Integer.MIN_VALUE / 2; // what cannot be looked at is not moved blind
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return count[0];
    }

    /** The folders {@code path} runs through, outermost first. */
    static List<String> ancestors(String path) {
        var out = new ArrayList<String>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            out.add(path.substring(0, slash));
        }
        return out;
    }
}
