import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files of Java 5 and older (major version below 50) in the jars of the given
 * folders as Java 8 class files (version 52, with the stack maps the JVM's type-checking verifier
 * needs), leaving everything else in them byte for byte. Run by the build on target/lib (pom.xml),
 * with the JDK's own class-file API: {@code java src/build/UpgradeClassFiles.java FOLDER...}.
 *
 * <p>Why: JDK 25's ahead-of-time cache cannot hold classes that old (they need the old verifier at
 * run time), so every command would load, verify and link picocli's 170 classes from its jar
 * (compiled for Java 5) on each start: about 0.08 s of every command-line run (BENCHMARKS.md, issue
 * 15). The code is the same code; only the format that carries it changes, and the JVM checks the
 * result with its strict verifier when it loads it. A jar that is signed, or whose code cannot be
 * carried over (e.g. the jsr instruction, which newer class files may not hold), is left as it was,
 * with a warning: the application runs the same, only its start is slower.
 */
public final class UpgradeClassFiles {
    private static final int OLDEST_CACHEABLE = 50;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        for (String folder : args) {
            Path dir = Path.of(folder);
            if (!Files.isDirectory(dir)) {
                continue; // target/dist-lib exists only in the dist build
            }
            try (var jars = Files.newDirectoryStream(dir, "*.jar")) {
                for (Path jar : jars) {
                    upgrade(jar);
                }
            }
        }
    }

    static void upgrade(Path jar) throws IOException {
        List<String> old = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (isClass(e) && major(zip.getInputStream(e).readNBytes(8)) < OLDEST_CACHEABLE) {
                    old.add(e.getName());
                }
                if (e.getName().startsWith("META-INF/") && (e.getName().endsWith(".SF") || e.getName().endsWith(".RSA"))) {
                    System.err.println("UpgradeClassFiles: " + jar.getFileName() + " is signed; left as it is");
                    return;
                }
            }
        }
        if (old.isEmpty()) {
            return;
        }
        Path temp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null);
                ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
            var resolver = ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader));
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ClassHierarchyResolverOption.of(resolver));
            ClassTransform version = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(TARGET, 0);
                } else {
                    builder.with(element);
                }
            };
            // rebuilding every method body is what makes the class-file API compute its stack maps
            ClassTransform upgrade = version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (old.contains(e.getName())) {
                    bytes = cf.transformClass(cf.parse(bytes), upgrade);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temp);
            System.err.println("UpgradeClassFiles: " + jar.getFileName() + " left as it is: " + e);
            return;
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeClassFiles: " + jar.getFileName() + ": " + old.size() + " class files of Java 5 or older now Java 8");
    }

    private static boolean isClass(ZipEntry e) {
        return e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/versions/") && !e.getName().endsWith("module-info.class");
    }

    /** The major version of a class file from its first 8 bytes (magic, minor, major). */
    private static int major(byte[] head) {
        return head.length < 8 ? Integer.MAX_VALUE : ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
    }
}
