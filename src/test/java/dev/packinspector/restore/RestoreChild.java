package dev.packinspector.restore;

import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A restore in a JVM of its own, for the test that kills it: args are the packs folder, an items file and the target. */
public final class RestoreChild {
    private RestoreChild() {
    }

    /**
     * The command that runs a restore of {@code itemsFile} from {@code packs} into {@code target} in
     * a JVM of its own, with the program's JVM options (jlink/java-options.txt, the tests run in the
     * project folder) and this JVM's class path.
     */
    static List<String> command(Path packs, Path itemsFile, Path target) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "@" + Path.of("jlink", "java-options.txt").toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                RestoreChild.class.getName(), packs.toString(), itemsFile.toString(), target.toString());
    }

    public static void main(String[] args) throws Exception {
        try (PackSet packs = PackSet.open(Path.of(args[0]))) {
            var items = GeneratedStore.decode(Files.readString(Path.of(args[1])));
            RestorePlan plan = RestorePlanner.plan(packs, items, Path.of(args[2]), false);
            new Restorer(1).run(plan, RestoreListener.NONE);
        }
    }
}
