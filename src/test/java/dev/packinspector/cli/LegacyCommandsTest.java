package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packinspector.Fixtures;
import dev.packinspector.StoreFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command of the acceptance list on each store chkpt 0.1.2 wrote, checked against the
 * fixture's manifest (what the real binary saved): listings, searches, histories, diffs,
 * find-by-content with BLAKE3, space, cat, export. The store is never changed.
 */
class LegacyCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return text().lines().toList();
        }

        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** path → "id size mode" of each manifest snapshot, by snapshot id, oldest first. */
    private static Map<String, Map<String, JsonNode>> filesBySnapshot(JsonNode manifest) {
        var out = new java.util.LinkedHashMap<String, Map<String, JsonNode>>();
        for (JsonNode s : manifest.get("snapshots")) {
            var files = new TreeMap<String, JsonNode>();
            s.get("files").forEach(f -> files.put(f.get("path").asText(), f));
            out.put(s.get("id").asText(), files);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy/basic", "legacy/deleted", "legacy/dangling", "legacy/attachments", "legacy/edge"})
    void everyCommandAnswersFromTheStoreAsTheManifestSays(String fixture, @TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store(fixture), store);
        Files.createDirectories(store.resolve("packs"));
        var fingerprint = StoreFingerprint.of(store);
        String s = store.toString();
        JsonNode manifest = Fixtures.manifest(fixture);
        var snapshots = filesBySnapshot(manifest);
        List<String> ids = new ArrayList<>(snapshots.keySet());
        String oldest = ids.getFirst();
        String newest = ids.getLast();

        // ls: every object file, as rows of no pack
        var onDisk = new TreeSet<String>();
        try (var files = Files.walk(store.resolve("objects"))) {
            files.filter(Files::isRegularFile).map(f -> f.getParent().getFileName() + "" + f.getFileName())
                    .filter(n -> n.matches("[0-9a-f]{64}")).forEach(onDisk::add);
        }
        Run ls = run("ls", s);
        assertEquals(0, ls.exit(), ls.err());
        assertEquals(List.copyOf(onDisk), ls.lines().stream().map(l -> l.split("\t")[0]).toList(), "ls: id order");
        assertTrue(ls.lines().stream().allMatch(l -> l.split("\t")[1].equals("loose")), ls.text());

        // packs and info say what the store keeps
        Run packs = run("packs", s);
        assertEquals(0, packs.exit(), packs.err());
        assertEquals("objects\t" + onDisk.size(), packs.lines().getFirst().substring(0, packs.lines().getFirst().indexOf('\t', 8)));
        Run info = run("info", "--json", s);
        assertEquals(0, info.exit(), info.err());
        var infoPaths = new TreeSet<String>();
        info.json().forEach(e -> infoPaths.add(e.get("path").asText()));
        assertTrue(infoPaths.containsAll(Set.of("objects/", "trees/", "snapshots/")), infoPaths.toString());

        // cat: each object the newest snapshot needs, by a prefix, is its content
        for (JsonNode f : snapshots.get(newest).values()) {
            String id = f.get("blob_hash").asText();
            if (!onDisk.contains(id)) {
                Run cat = run("cat", s, id);
                assertEquals(3, cat.exit(), "a missing object: " + cat.err());
                continue;
            }
            Run cat = run("cat", s, id.substring(0, 12));
            assertEquals(0, cat.exit(), cat.err());
            assertEquals(f.get("sha256").asText(), Fixtures.sha256(cat.out()), f.get("path").asText());
        }

        // tree lists what files lists
        Run files = run("files", s, "latest");
        Run tree = run("tree", s, "latest");
        assertEquals(files.text(), tree.text());
        assertEquals(files.exit() == 0 ? 0 : 3, tree.exit(), tree.err());

        // find --id and history: every use and version the manifest has
        Map<String, Set<String>> usesById = new HashMap<>();
        Map<String, Set<String>> versionsByPath = new TreeMap<>();
        snapshots.forEach((snapshot, list) -> list.forEach((path, f) -> {
            usesById.computeIfAbsent(f.get("blob_hash").asText(), k -> new TreeSet<>()).add(snapshot + "\t" + path);
            versionsByPath.computeIfAbsent(path, k -> new TreeSet<>()).add(f.get("blob_hash").asText());
        }));
        for (var use : usesById.entrySet()) {
            Run find = run("find", s, "--json", "--id", use.getKey().substring(0, 40));
            assertEquals(0, find.exit(), find.err());
            var found = new TreeSet<String>();
            find.json().forEach(o -> o.get("uses").forEach(u -> found.add(u.get("snapshot").asText() + "\t" + u.get("path").asText())));
            assertEquals(use.getValue(), found);
        }
        for (var path : versionsByPath.entrySet()) {
            Run history = run("history", s, "--json", "--", path.getKey());
            assertEquals(0, history.exit(), history.err());
            var got = new TreeSet<String>();
            history.json().get("versions").forEach(v -> got.add(v.get("id").asText()));
            assertEquals(path.getValue(), got, path.getKey());
        }
        String anyPath = versionsByPath.keySet().iterator().next();
        Run find = run("find", s, "--", anyPath);
        assertEquals(0, find.exit(), find.err());
        assertTrue(find.lines().stream().anyMatch(l -> l.startsWith(anyPath + "\t")), find.text());

        // diff: added, removed and changed paths from the manifest's oldest to its newest
        Run diff = run("diff", s, "--json", oldest, newest);
        assertEquals(0, diff.exit(), diff.err());
        var want = new TreeMap<String, String>();
        Map<String, JsonNode> a = snapshots.get(oldest);
        Map<String, JsonNode> b = snapshots.get(newest);
        for (String p : a.keySet()) {
            if (!b.containsKey(p)) {
                want.put(p, "removed");
            } else if (!a.get(p).get("blob_hash").equals(b.get(p).get("blob_hash")) || a.get(p).get("mode").asLong() != b.get(p).get("mode").asLong()) {
                want.put(p, "modified");
            }
        }
        b.keySet().stream().filter(p -> !a.containsKey(p)).forEach(p -> want.put(p, "added"));
        var got = new TreeMap<String, String>();
        diff.json().get("changes").forEach(c -> {
            if (c.get("kind").asText().equals("renamed")) {
                got.put(c.get("before").get("path").asText(), "removed");
                got.put(c.get("path").asText(), "added");
            } else {
                got.put(c.get("path").asText(), c.get("kind").asText());
            }
        });
        assertEquals(want.keySet(), got.keySet(), "diff " + diff.text());

        // stats: each snapshot's files
        Run stats = run("stats", s, "--json");
        assertEquals(0, stats.exit(), stats.err());
        var counted = new HashMap<String, Integer>();
        stats.json().get("snapshots").forEach(n -> counted.put(n.get("id").asText(), n.get("files").asInt()));
        snapshots.forEach((id, list) -> assertEquals(list.size(), counted.get(id), "stats files of " + id));

        // export, then which on what it holds: every present object of the newest snapshot, by its BLAKE3
        Path archive = tmp.resolve("newest.tar.gz");
        Run export = run("export", s, newest, archive.toString());
        Map<String, String> exported = new TreeMap<>();
        try (InputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            var tar = (TarArchiveInputStream) in;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (e.isFile()) {
                    byte[] content = tar.readAllBytes();
                    exported.put(e.getName(), Fixtures.sha256(content));
                    Path local = tmp.resolve("local").resolve(String.valueOf(exported.size()));
                    Files.createDirectories(local.getParent());
                    Files.write(local, content);
                    Run which = run("which", s, local.toString());
                    assertEquals(0, which.exit(), e.getName() + ": " + which.text() + which.err());
                }
            }
        }
        var present = new TreeMap<String, String>();
        b.forEach((p, f) -> {
            if (onDisk.contains(f.get("blob_hash").asText()) && (f.get("mode").asLong() & 0170000) != 0120000) {
                present.put(p, f.get("sha256").asText());
            }
        });
        assertEquals(present, exported, "export: " + export.err());
        assertEquals(present.size() == b.size() ? 0 : 1, export.exit(), export.err());

        assertEquals(fingerprint, StoreFingerprint.of(store), "the store is untouched");
    }

    @org.junit.jupiter.api.Test
    void aDamagedObjectIsLeftOutOfAnExportAndCatFails(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        StoreFingerprint.copy(Fixtures.store("legacy/basic"), store);
        JsonNode readme = null;
        for (JsonNode f : Fixtures.manifest("legacy/basic").get("snapshots").get(2).get("files")) {
            if (f.get("path").asText().equals("README.md")) {
                readme = f;
            }
        }
        String id = readme.get("blob_hash").asText();
        Path object = store.resolve("objects").resolve(id.substring(0, 2)).resolve(id.substring(2));
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 0x20; // inside the literals: still a frame, other content
        Files.write(object, bytes);
        Path archive = tmp.resolve("latest.zip");
        Run export = run("export", store.toString(), "latest", archive.toString());
        assertEquals(1, export.exit(), export.err());
        assertTrue(export.err().contains("README.md") && export.err().contains(id), export.err());
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            assertTrue(zip.getEntry("README.md") == null, "the damaged file is not in the archive");
            assertTrue(zip.getEntry("docs/guide.md") != null || zip.size() > 1, "the rest is");
        }
        assertEquals(3, run("cat", store.toString(), id).exit());
    }
}
