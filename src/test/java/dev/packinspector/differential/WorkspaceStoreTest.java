package dev.packinspector.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.cli.Cli;
import dev.packinspector.workspace.ChkptHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From a workspace folder to its store, checked against the real binaries: chkpt saves a folder
 * (with awkward names, through a link, with CHKPT_HOME set, empty, relative or not at all) and the
 * store it made is the one {@link ChkptHome} names. Folders with ill-formed UTF-8 names are made
 * and entered through the shell, since Java names files by strings.
 */
class WorkspaceStoreTest {
    private Path scratch;

    @BeforeEach
    void makeScratch() throws IOException {
        scratch = Files.createTempDirectory("workspace-store-").toRealPath();
    }

    @AfterEach
    void removeScratch() throws IOException {
        Workspace.deleteTree(scratch);
    }

    @Test
    void aFolderWithAwkwardNamesIsFiledWhereChkptFilesIt() throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        for (byte[] name : List.of(bytes("plain"), bytes("a name with spaces, 'quotes' & café ünï 日本 🚀"), bytes("-starts with a dash"),
                raw("caf", 0xE9), raw("x", 0xED, 0xA0, 0x80, 'y'), raw("truncated", 0xF0, 0x9F, 0x98), raw("lone", 0x80, 0xBF, 0xC0, 0xAF))) {
            Path home = Files.createDirectory(scratch.resolve("home-" + Integer.toHexString(java.util.Arrays.hashCode(name))));
            Path workspace = mkdir(scratch, name);
            Path made = save(chkpt, workspace, env("HOME", home.toString()), home.resolve(".chkpt/stores"));
            var ours = new ChkptHome(null, home.toString(), "/nonexistent");
            assertEquals(made, ours.storeFolderOf(workspace), () -> "the store of " + workspace);
            assertEquals(made, ours.storeOf(workspace).orElseThrow(), "a store is there");
        }
    }

    @Test
    void aLinkARelativePathAndATrailingSlashNameTheStoreOfTheFolderItself() throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(scratch.resolve("home"));
        Path workspace = Files.createDirectories(scratch.resolve("projects/real folder"));
        Files.createDirectories(scratch.resolve("projects/other"));
        Path link = Files.createSymbolicLink(scratch.resolve("link to it"), Path.of("projects/real folder"));
        // chkpt entered through the link still files the folder by its physical path
        Path made = save(chkpt, link, env("HOME", home.toString()), home.resolve(".chkpt/stores"));
        var ours = new ChkptHome(null, home.toString(), "/nonexistent");
        assertEquals(made, ours.storeFolderOf(workspace));
        assertEquals(made, ours.storeFolderOf(link));
        assertEquals(made, ours.storeFolderOf(Path.of("").toAbsolutePath().relativize(workspace)));
        assertEquals(made, ours.storeFolderOf(Path.of(workspace + "/")));
        assertEquals(made, ours.storeFolderOf(scratch.resolve("projects/./other/../real folder")));
    }

    @Test
    void chkptHomeWinsOverHomeAndAnEmptyOrRelativeOneIsInsideTheWorkspace() throws IOException {
        for (String binary : List.of(RealWriter.HEAD, RealWriter.BEFORE_CHUNKING)) {
            ChkptBinary chkpt = ChkptBinary.require(binary);
            Path home = Files.createDirectories(scratch.resolve(binary + "/home"));
            Path chkptHome = Files.createDirectories(scratch.resolve(binary + "/chkpt home"));
            Path workspace = Files.createDirectories(scratch.resolve(binary + "/ws"));
            Path made = save(chkpt, workspace, env("HOME", home.toString(), "CHKPT_HOME", chkptHome.toString()), chkptHome.resolve(".chkpt/stores"));
            assertEquals(made, new ChkptHome(chkptHome.toString(), home.toString(), "/nonexistent").storeFolderOf(workspace), binary);
            assertTrue(isEmpty(home), "HOME is not used when CHKPT_HOME is set");

            Path empty = Files.createDirectories(scratch.resolve(binary + "/ws-empty"));
            made = save(chkpt, empty, env("HOME", home.toString(), "CHKPT_HOME", ""), empty.resolve(".chkpt/stores"));
            assertEquals(made, new ChkptHome("", home.toString(), "/nonexistent").storeFolderOf(empty), binary + ", CHKPT_HOME empty");

            Path relative = Files.createDirectories(scratch.resolve(binary + "/ws-relative"));
            made = save(chkpt, relative, env("HOME", home.toString(), "CHKPT_HOME", "kept/here"), relative.resolve("kept/here/.chkpt/stores"));
            assertEquals(made, new ChkptHome("kept/here", home.toString(), "/nonexistent").storeFolderOf(relative), binary + ", CHKPT_HOME relative");
            assertTrue(isEmpty(home), "HOME is not used when CHKPT_HOME is set");
        }
    }

    @Test
    void aStoreIsLinkedToTheCandidateFolderThatHashesToItsName() throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(scratch.resolve("home"));
        Path first = Files.createDirectory(scratch.resolve("first"));
        Path second = Files.createDirectory(scratch.resolve("second"));
        Path madeFirst = save(chkpt, first, env("HOME", home.toString()), home.resolve(".chkpt/stores"));
        var ours = new ChkptHome(null, home.toString(), "/nonexistent");
        List<Path> candidates = List.of(scratch.resolve("gone"), second, first);
        assertEquals(first, ours.workspaceOf(madeFirst, candidates).orElseThrow());
        assertTrue(ours.workspaceOf(madeFirst, List.of(second)).isEmpty(), "no candidate hashes to it");
        assertTrue(ours.storeOf(second).isEmpty(), "a folder chkpt never saved has no store");
    }

    @Test
    void theCommandLineTakesAWorkspaceFolderForItsStore() throws IOException {
        ChkptBinary chkpt = ChkptBinary.require(RealWriter.HEAD);
        Path home = Files.createDirectory(scratch.resolve("home"));
        Path workspace = Files.createDirectory(scratch.resolve("my project"));
        Path store = save(chkpt, workspace, env("HOME", home.toString()), home.resolve(".chkpt/stores"));
        Map<String, String> environment = env("HOME", home.toString());
        PackInspectorProcess.Run byStore = packInspector(environment, "files", store.toString(), "latest");
        PackInspectorProcess.Run byFolder = packInspector(environment, "files", workspace.toString(), "latest");
        assertEquals(0, byFolder.exit(), byFolder.toString());
        assertTrue(byStore.stdout().contains("file.txt"), byStore.toString());
        assertEquals(byStore.stdout(), byFolder.stdout(), "the folder names its store");
        // through a link to the folder, and with CHKPT_HOME pointing elsewhere the folder has no store there
        Path link = Files.createSymbolicLink(scratch.resolve("link"), workspace);
        assertEquals(byStore.stdout(), packInspector(environment, "files", link.toString(), "latest").stdout());
        Path other = Files.createDirectory(scratch.resolve("other home"));
        PackInspectorProcess.Run elsewhere = packInspector(env("HOME", home.toString(), "CHKPT_HOME", other.toString()), "files", workspace.toString(), "latest");
        assertEquals(Cli.UNREADABLE, elsewhere.exit(), elsewhere.toString());
        assertTrue(elsewhere.stderr().contains("nor a folder chkpt has saved (its store would be " + other.resolve(".chkpt/stores").resolve(store.getFileName())),
                elsewhere.toString());
        assertEquals(1, countStores(home), "nothing was written into the stores");

        Files.writeString(workspace.resolve("file.txt"), "changed since the save");
        PackInspectorProcess.Run status = packInspector(environment, "status", workspace.toString());
        assertEquals(0, status.exit(), status.toString());
        assertEquals("M\t22\tfile.txt\n", status.stdout());
        PackInspectorProcess.Run ofStore = packInspector(environment, "status", store.toString());
        assertEquals(Cli.USAGE, ofStore.exit(), ofStore.toString());
        assertTrue(ofStore.stderr().contains("is a store: name the folder to compare with --folder FOLDER"), ofStore.toString());
        assertEquals(status.stdout(), packInspector(environment, "status", store.toString(), "--folder", workspace.toString()).stdout());

        // a project's own packs/ folder does not make it a store, while chkpt keeps one for it
        Files.writeString(Files.createDirectory(workspace.resolve("packs")).resolve("sprites.txt"), "a game's asset packs");
        assertEquals(byStore.stdout(), packInspector(environment, "files", workspace.toString(), "latest").stdout());
    }

    private PackInspectorProcess.Run packInspector(Map<String, String> environment, String... args) throws IOException {
        return PackInspectorProcess.run(scratch, environment, args);
    }

    private static long countStores(Path home) throws IOException {
        try (Stream<Path> s = Files.list(home.resolve(".chkpt/stores"))) {
            return s.count();
        }
    }

    /** Runs {@code chkpt save} in {@code workspace} with exactly {@code environment}; the one new store in {@code stores}. */
    private static Path save(ChkptBinary chkpt, Path workspace, Map<String, String> environment, Path stores) throws IOException {
        Files.writeString(workspace.resolve("file.txt"), "content of " + workspace.getFileName());
        // the folder is named to the shell byte by byte, so that names Java cannot spell reach chkpt as they are
        var builder = new ProcessBuilder("/bin/sh", "-c", "cd -- \"$(printf '" + octal(ChkptHome.bytesOf(workspace)) + "')\" && exec \"$0\" save -m probe",
                ChkptBinary.folder().resolve(chkpt.name()).toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chkpt save ends");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals(0, p.exitValue(), () -> "chkpt save in " + workspace + ": " + output);
        try (Stream<Path> s = Files.list(stores)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), () -> "one store in " + stores + ": " + all);
            return all.getFirst();
        }
    }

    /** {@code bytes} as printf's octal escapes. */
    private static String octal(byte[] bytes) {
        var escaped = new StringBuilder();
        for (byte b : bytes) {
            escaped.append(String.format("\\%03o", b & 0xFF));
        }
        return escaped.toString();
    }

    private static Map<String, String> env(String... pairs) {
        var m = new HashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(String prefix, int... tail) {
        var all = new ArrayList<Byte>();
        for (byte b : bytes(prefix)) {
            all.add(b);
        }
        for (int b : tail) {
            all.add((byte) b);
        }
        byte[] out = new byte[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    /** Makes the folder named by {@code name}'s bytes in {@code parent} (through mkdir, for names Java cannot spell) and gives it as Java lists it. */
    private static Path mkdir(Path parent, byte[] name) throws IOException {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", "mkdir -- \"$(printf '" + octal(name) + "')\"").directory(parent.toFile()).inheritIO().start();
            assertEquals(0, p.waitFor(), "mkdir");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        byte[] prefix = ChkptHome.bytesOf(parent);
        byte[] expected = java.util.Arrays.copyOf(prefix, prefix.length + 1 + name.length);
        expected[prefix.length] = '/';
        System.arraycopy(name, 0, expected, prefix.length + 1, name.length);
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(f -> java.util.Arrays.equals(ChkptHome.bytesOf(f), expected)).findFirst()
                    .orElseThrow(() -> new AssertionError("the folder just made is not listed"));
        }
    }
}
