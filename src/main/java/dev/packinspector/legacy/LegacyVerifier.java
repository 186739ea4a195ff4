package dev.packinspector.legacy;

import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Verify of a chkpt 0.1.x store: every snapshot file parsed, every snapshot's trees walked (each
 * tree re-hashed as it is read), every object its snapshots use decoded and its BLAKE3 compared
 * with its id (zstd frames here carry no checksum: only the re-hash finds damage) and its size
 * with what the trees record. A missing or damaged object or tree is one cause with the snapshot
 * files (or folders) that need it. Temp files a save left, objects and trees no snapshot uses, and
 * files chkpt does not write are notes, not problems. Reads only.
 */
public final class LegacyVerifier {
    private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{62}");

    /** A snapshot file (or folder, ending in {@code /}) a cause takes with it. */
    public record Affected(String snapshot, String path, LegacyId object) {
    }

    /** One thing wrong, and what it takes with it. */
    public record Cause(StoreException finding, List<Affected> affected) {
    }

    /** What verify found. */
    public record Report(int snapshots, int trees, int objects, long contentBytes, List<Cause> causes, List<String> notes, long elapsedNanos) {
        public boolean ok() {
            return causes.isEmpty();
        }

        /** The snapshot files the causes take with them (folders not counted). */
        public long affectedFiles() {
            return causes.stream().flatMap(c -> c.affected().stream()).filter(a -> !a.path().endsWith("/")).count();
        }
    }

    private LegacyVerifier() {
    }

    /** {@link #verify(LegacyStore, int)} on one thread a core. */
    public static Report verify(LegacyStore store) throws StoreException {
        return verify(store, Runtime.getRuntime().availableProcessors());
    }

    /** Verifies {@code store}, decoding and hashing objects on {@code threads} threads. */
    public static Report verify(LegacyStore store, int threads) throws StoreException {
        long start = System.nanoTime();
        var causes = new LinkedHashMap<String, Cause>();
        LegacyStore.Snapshots listed = store.snapshots();
        for (StoreException p : listed.problems()) {
            causes.put(key(p), new Cause(p, new ArrayList<>()));
        }
        var walk = new LegacyWalk(store);
        Map<LegacyId, List<Affected>> users = new TreeMap<>();
        Map<LegacyId, Long> sizes = new TreeMap<>();
        for (LegacySnapshot s : listed.snapshots()) {
            LegacyWalk.Files files = walk.of(s);
            for (LegacyWalk.Problem p : files.problems()) {
                causes.computeIfAbsent(key(p.error()), k -> new Cause(p.error(), new ArrayList<>())).affected()
                        .add(new Affected(s.id(), p.folder() + "/", null));
            }
            for (LegacyWalk.File f : files.files()) {
                users.computeIfAbsent(f.object(), k -> new ArrayList<>()).add(new Affected(s.id(), f.path(), f.object()));
                Long known = sizes.putIfAbsent(f.object(), f.size());
                if (known != null && known != f.size()) {
                    var p = new StoreException(ProblemKind.SIZE_MISMATCH, store.objectFile(f.object()), StoreException.NO_OFFSET,
                            "object " + f.object() + " is recorded as " + known + " bytes and as " + f.size() + " bytes");
                    causes.computeIfAbsent(key(p), k -> new Cause(p, new ArrayList<>())).affected().add(new Affected(s.id(), f.path(), f.object()));
                }
            }
        }
        var objects = new LegacyObjects(store);
        List<LegacyId> ids = List.copyOf(users.keySet());
        var results = new Object[ids.size()];
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads))) {
            var next = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < Math.max(1, threads); t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        try {
                            results[i] = objects.decode(ids.get(i), sizes.get(ids.get(i)), null);
                        } catch (StoreException p) {
                            results[i] = p;
                        } catch (RuntimeException p) {
                            results[i] = new StoreException(ProblemKind.UNREADABLE, store.objectFile(ids.get(i)), StoreException.NO_OFFSET,
                                    "object " + ids.get(i) + " cannot be checked (" + p + ")", p);
                        }
                    }
                });
            }
        }
        long content = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (results[i] instanceof StoreException p) {
                causes.computeIfAbsent(key(p), k -> new Cause(p, new ArrayList<>())).affected().addAll(users.get(ids.get(i)));
            } else {
                content += (Long) results[i];
            }
        }
        var notes = new ArrayList<String>();
        strays(store.root().resolve("objects"), "an object", users::containsKey, notes);
        var walked = walk.walked();
        strays(store.root().resolve("trees"), "a tree", walked::contains, notes);
        try (Stream<Path> files = Files.list(store.root().resolve("snapshots"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted()
                    .forEach(n -> notes.add("snapshots/" + n + ": a temp file a save left (it was stopped, or is running)"));
        } catch (IOException e) {
            // no snapshots folder: nothing left there
        }
        return new Report(listed.snapshots().size(), walked.size(), users.size(), content, List.copyOf(causes.values()), List.copyOf(notes),
                System.nanoTime() - start);
    }

    private static String key(StoreException p) {
        return p.kind() + " " + p.file() + " " + p.detail().replaceAll(", needed by .*$", "");
    }

    /** Notes on what {@code folder} holds beside the files snapshots use. */
    private static void strays(Path folder, String what, java.util.function.Predicate<LegacyId> used, List<String> notes) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String top = folder.getFileName().toString();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String rel = folder.relativize(p).toString();
                if (rel.endsWith(".tmp")) {
                    notes.add(top + "/" + rel + ": a temp file a save left (it was stopped, or is running)");
                } else if (!FAN_OUT.matcher(rel).matches()) {
                    notes.add(top + "/" + rel + ": not a file chkpt writes");
                } else if (!used.test(LegacyId.parse(rel.replace("/", "")))) {
                    notes.add(top + "/" + rel + ": " + what + " no snapshot uses (chkpt's delete leaves none; a save may be running)");
                }
            }
        } catch (IOException e) {
            notes.add(top + "/: cannot be listed (" + e.getMessage() + ")");
        }
    }
}
