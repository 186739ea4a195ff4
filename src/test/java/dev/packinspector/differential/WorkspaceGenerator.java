package dev.packinspector.differential;

import static dev.packinspector.differential.WorkspaceModel.depth;
import static dev.packinspector.differential.WorkspaceModel.parent;
import static dev.packinspector.differential.WorkspaceModel.relative;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes a {@link Scenario} from a seed: a first save of nested folders with hostile names, files of
 * every size class (three of them at LZ4 block-size boundaries), repeated content, executables,
 * 0600, 0444 and other modes, relative, absolute, dangling and chained symlinks, empty folders;
 * then saves that edit (also in place at the same size, and by one byte at the largest file), add,
 * delete files and folders, rename files and folders, chmod, retarget links, revert to earlier
 * content, and replace a file by a folder, a file by a symlink, a symlink by a file and a folder
 * by a file. With an even seed the third save changes nothing (chkpt's metadata-only snapshot).
 * Every choice is made against a {@link WorkspaceModel}, so every edit is possible.
 */
final class WorkspaceGenerator {
    private static final int MAX_DEPTH = 6;
    private static final int MAX_PATH_BYTES = 1500;
    private static final int[] MODES = {0644, 0644, 0644, 0644, 0644, 0644, 0644, 0644, 0755, 0755, 0755, 0700, 0600, 0600,
        0444, 0444, 0640, 0400, 0750, 0664};

    private enum Change {
        EDIT, EDIT_SAME_SIZE, ADD, DELETE_FILE, DELETE_FOLDER, RENAME, CHMOD, RETARGET, FILE_TO_FOLDER, FILE_TO_LINK,
        REVERT, LINK_TO_FILE, FOLDER_TO_FILE, EDIT_LARGEST_BY_ONE_BYTE, RENAME_FOLDER, MKDIR
    }

    /** Made in the second save, so that every scenario has each of them. */
    private static final List<Change> FIRST_CHANGES = List.of(Change.EDIT, Change.EDIT_SAME_SIZE, Change.ADD, Change.DELETE_FILE,
            Change.DELETE_FOLDER, Change.RENAME, Change.CHMOD, Change.RETARGET, Change.FILE_TO_FOLDER, Change.FILE_TO_LINK);
    /** Made in the next save that changes something: these need history. */
    private static final List<Change> SECOND_CHANGES = List.of(Change.REVERT, Change.LINK_TO_FILE, Change.FOLDER_TO_FILE,
            Change.EDIT_LARGEST_BY_ONE_BYTE, Change.RENAME_FOLDER);

    private final SplittableRandom random;
    private final WorkspaceModel model = new WorkspaceModel();

    private WorkspaceGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A scenario of {@code saves} saves whose first save holds about {@code fileCount} files and links. */
    static Scenario generate(long seed, int fileCount, int saves) {
        var g = new WorkspaceGenerator(seed);
        var rounds = new ArrayList<Round>();
        g.first(Math.max(12, fileCount));
        rounds.add(new Round("seed " + seed + " save 1: the first tree", g.model.takeEdits()));
        boolean secondDone = false;
        for (int save = 2; save <= saves; save++) {
            if (save == 3 && seed % 2 == 0) {
                rounds.add(new Round("seed " + seed + " save 3: nothing changes", List.of()));
                continue;
            }
            var todo = new ArrayList<Change>(save == 2 ? FIRST_CHANGES : secondDone ? List.of() : SECOND_CHANGES);
            secondDone |= save > 2;
            g.changes(todo, fileCount);
            rounds.add(new Round("seed " + seed + " save " + save, g.model.takeEdits()));
        }
        return new Scenario(seed, rounds);
    }

    private void first(int count) {
        int folderCount = Math.max(3, count / 5);
        for (int i = 0; i < folderCount; i++) {
            newFolder(pickFolder());
        }
        int links = Math.max(4, count / 7);
        for (int i = 0; i < count - links; i++) {
            int size = i == 0 ? pick(Contents.LARGE_BOUNDARIES) : i <= 2 ? pick(Contents.SMALL_BOUNDARIES) : Contents.size(random);
            model.write(freePath(pickFolder()), content(size), pickMode());
        }
        for (int i = 0; i < links; i++) {
            String path = freePath(pickFolder());
            model.link(path, linkTarget(path, i < 4 ? i : random.nextInt(6)));
        }
        model.mkdir(freePath(pickFolder()));
    }

    private void changes(List<Change> todo, int fileCount) {
        int extra = Math.max(3, fileCount / 8);
        Change[] all = Change.values();
        for (int i = 0; i < extra; i++) {
            // Half of them adds: deletes and replacements would otherwise shrink the workspace save by save.
            todo.add(random.nextBoolean() ? Change.ADD : all[random.nextInt(all.length)]);
        }
        todo.forEach(this::change);
    }

    private void change(Change c) {
        switch (c) {
            case EDIT -> anyFile(p -> model.write(p, content(Contents.size(random)), model.file(p).mode()));
            case EDIT_SAME_SIZE -> anyFile(p -> {
                byte[] next = model.file(p).content().clone();
                if (next.length == 0) {
                    next = content(1 + random.nextInt(64)); // an empty file cannot keep its size and change
                } else {
                    next[random.nextInt(next.length)] ^= (byte) (1 + random.nextInt(255));
                }
                model.write(p, next, model.file(p).mode());
            });
            case EDIT_LARGEST_BY_ONE_BYTE -> largestFile(p -> {
                byte[] now = model.file(p).content();
                byte[] next = random.nextBoolean() || now.length == 0 ? Arrays.copyOf(now, now.length + 1) : Arrays.copyOf(now, now.length - 1);
                model.write(p, next, model.file(p).mode());
            });
            case ADD -> add();
            case DELETE_FILE -> anyEntry(model::delete);
            case DELETE_FOLDER -> anyFolder(model::delete);
            case RENAME -> anyEntry(p -> model.rename(p, freePath(pickFolder())));
            case RENAME_FOLDER -> anyFolder(p -> {
                String to = freePath(parent(p));
                model.rename(p, to);
            });
            case CHMOD -> anyFile(p -> {
                int mode = pickMode();
                while (mode == model.file(p).mode()) {
                    mode = pickMode();
                }
                model.chmod(p, mode);
            });
            case RETARGET -> anyLink(p -> model.link(p, linkTarget(p, random.nextInt(6))));
            case FILE_TO_FOLDER -> anyFile(p -> {
                model.delete(p);
                model.write(freePath(p), content(Contents.size(random)), pickMode());
            });
            case FILE_TO_LINK -> anyFile(p -> model.link(p, linkTarget(p, random.nextInt(6))));
            case LINK_TO_FILE -> anyLink(p -> model.write(p, content(Contents.size(random)), pickMode()));
            case FOLDER_TO_FILE -> anyFolder(p -> {
                model.delete(p);
                model.write(p, content(Contents.size(random)), pickMode());
            });
            case REVERT -> revert();
            case MKDIR -> model.mkdir(freePath(pickFolder()));
        }
    }

    private void add() {
        String folder = pickFolder();
        if (random.nextInt(4) == 0 && depth(folder) < MAX_DEPTH) {
            folder = newFolder(folder);
        }
        String path = freePath(folder);
        if (random.nextInt(6) == 0) {
            model.link(path, linkTarget(path, random.nextInt(6)));
        } else {
            model.write(path, content(Contents.size(random)), pickMode());
        }
    }

    /** Writes back content a path held at an earlier save (a known blob), or failing that another file's earlier content. */
    private void revert() {
        List<String> files = model.files();
        for (int i = files.size() - 1; i > 0; i--) {
            java.util.Collections.swap(files, i, random.nextInt(i + 1));
        }
        for (String p : files) {
            byte[] now = model.file(p).content();
            for (byte[] old : model.history(p)) {
                if (!Arrays.equals(old, now)) {
                    model.write(p, old, model.file(p).mode());
                    return;
                }
            }
        }
        anyFile(p -> model.write(p, pick(model.contents()), model.file(p).mode()));
    }

    /** New content of about {@code size} bytes; now and then the content of another file, or that with one byte changed. */
    private byte[] content(int size) {
        int roll = random.nextInt(100);
        if (roll < 8 && !model.contents().isEmpty()) {
            return pick(model.contents());
        }
        if (roll < 12 && !model.contents().isEmpty()) {
            byte[] near = pick(model.contents()).clone();
            if (near.length > 0) {
                near[random.nextInt(near.length)] ^= 0x20;
                return near;
            }
        }
        return Contents.of(random, size);
    }

    /**
     * A symlink target of one kind: 0 relative to a file, 1 relative to a folder, 2 absolute, 3 dangling,
     * 4 a hostile string, 5 another link (a chain, or the link itself).
     */
    private String linkTarget(String linkPath, int kind) {
        String from = parent(linkPath);
        return switch (kind) {
            case 0 -> model.files().isEmpty() ? "../no-file" : relative(from, pick(model.files()));
            case 1 -> model.folders().isEmpty() ? "." : relative(from, pick(model.folders()));
            case 2 -> random.nextBoolean() ? "/usr/bin/env" : "/nonexistent/abs " + random.nextInt(100) + "/x";
            case 3 -> "../no/such/" + HostileNames.next(random);
            case 4 -> HostileNames.next(random) + "/" + HostileNames.next(random);
            default -> model.links().isEmpty() ? "./chain-end" : relative(from, pick(model.links()));
        };
    }

    private String newFolder(String parent) {
        String path = freePath(parent);
        model.mkdir(path);
        return path;
    }

    private String pickFolder() {
        var candidates = new ArrayList<String>();
        candidates.add("");
        model.folders().stream().filter(f -> depth(f) < MAX_DEPTH).forEach(candidates::add);
        return pick(candidates);
    }

    /** A path in {@code folder} that names nothing yet. */
    private String freePath(String folder) {
        while (true) {
            String name = HostileNames.next(random);
            String path = folder.isEmpty() ? name : folder + "/" + name;
            if (!model.names(path) && path.getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES) {
                return path;
            }
        }
    }

    private int pickMode() {
        return MODES[random.nextInt(MODES.length)];
    }

    /** The largest file: usually the one the first save made at a 4 MiB block boundary, or 8 MiB. */
    private void largestFile(Consumer<String> action) {
        List<String> files = model.files();
        orAdd(files.isEmpty() ? null : files.stream().max(Comparator.comparingInt(p -> model.file(p).content().length)).orElseThrow(), action);
    }

    private void anyFile(Consumer<String> action) {
        List<String> files = model.files();
        orAdd(files.isEmpty() ? null : pick(files), action);
    }

    private void anyLink(Consumer<String> action) {
        List<String> links = model.links();
        orAdd(links.isEmpty() ? null : pick(links), action);
    }

    private void anyEntry(Consumer<String> action) {
        List<String> all = model.files();
        all.addAll(model.links());
        orAdd(all.isEmpty() ? null : pick(all), action);
    }

    /** A folder that holds a file, so that changing it changes what chkpt stores, but only a few, so that the workspace stays full. */
    private void anyFolder(Consumer<String> action) {
        int most = Math.max(2, model.files().size() / 8);
        List<String> some = model.folders().stream().filter(f -> {
            long n = model.filesUnder(f);
            return n > 0 && n <= most;
        }).toList();
        orAdd(some.isEmpty() ? null : pick(some), action);
    }

    /** Applies {@code action} to {@code choice}; with nothing to choose from, adds a file instead. */
    private void orAdd(String choice, Consumer<String> action) {
        if (choice == null) {
            add();
        } else {
            action.accept(choice);
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
