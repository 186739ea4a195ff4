package dev.packinspector.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * src/build/UpgradeClassFiles.java, which the build runs on target/lib: picocli's Java 5 class
 * files come out as Java 8 ones that the strict verifier accepts, and nothing else changes.
 */
class UpgradeClassFilesTest {
    @TempDir
    Path dir;

    @Test
    void picocliComesOutAsVerifiedJava8ClassFilesWithEverythingElseUnchanged() throws Exception {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve(original.getFileName());
        Files.copy(original, jar);
        assertEquals(49, lowestMajor(original), "picocli is no longer built for Java 5: is this step still needed?");

        run(dir);

        assertEquals(52, lowestMajor(jar));
        try (ZipFile before = new ZipFile(original.toFile()); ZipFile after = new ZipFile(jar.toFile())) {
            assertEquals(names(before), names(after));
            for (ZipEntry e : Collections.list(before.entries())) {
                if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/versions/")) {
                    assertArrayEquals(bytes(before, e), bytes(after, after.getEntry(e.getName())), e.getName());
                }
            }
        }
        // loading and initializing every class links it, and linking a Java 8 class file runs the
        // type-checking verifier over its stack maps: a wrong one would throw VerifyError here
        int loaded = 0;
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);
                    loaded++;
                }
            }
            // and it still parses a command line
            Class<?> commandLine = loader.loadClass("picocli.CommandLine");
            Class<?> spec = loader.loadClass("picocli.CommandLine$Model$CommandSpec");
            Class<?> option = loader.loadClass("picocli.CommandLine$Model$OptionSpec");
            Object s = spec.getMethod("create").invoke(null);
            Object builder = option.getMethod("builder", String[].class).invoke(null, (Object) new String[] {"--threads"});
            var type = builder.getClass().getMethod("type", Class.class);
            type.setAccessible(true); // declared by a package-private superclass of the builder
            type.invoke(builder, int.class);
            spec.getMethod("addOption", option).invoke(s, builder.getClass().getMethod("build").invoke(builder));
            Object cl = commandLine.getConstructor(Object.class).newInstance(s);
            Object result = commandLine.getMethod("parseArgs", String[].class).invoke(cl, (Object) new String[] {"--threads", "3"});
            Object value = result.getClass().getMethod("matchedOptionValue", String.class, Object.class).invoke(result, "--threads", 0);
            assertEquals(3, value);
        }
        assertTrue(loaded > 150, "only " + loaded + " classes");

        byte[] once = Files.readAllBytes(jar);
        run(dir);
        assertArrayEquals(once, Files.readAllBytes(jar), "a second run changes nothing");
    }

    @Test
    void jarsOfNewerClassFilesAreLeftByteForByte() throws Exception {
        Path original = Path.of(org.junit.jupiter.api.Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve(original.getFileName());
        Files.copy(original, jar);
        var mtime = Files.getLastModifiedTime(jar);
        run(dir);
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(jar));
        assertEquals(mtime, Files.getLastModifiedTime(jar));
    }

    private static void run(Path folder) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "src/build/UpgradeClassFiles.java", folder.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(!out.contains("left as it is"), out);
    }

    private static int lowestMajor(Path jar) throws IOException {
        int lowest = Integer.MAX_VALUE;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    byte[] head = zip.getInputStream(e).readNBytes(8);
                    lowest = Math.min(lowest, ((head[6] & 0xFF) << 8) | (head[7] & 0xFF));
                }
            }
        }
        return lowest;
    }

    private static java.util.List<String> names(ZipFile zip) {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }

    private static byte[] bytes(ZipFile zip, ZipEntry e) throws IOException {
        return zip.getInputStream(e).readAllBytes();
    }
}
