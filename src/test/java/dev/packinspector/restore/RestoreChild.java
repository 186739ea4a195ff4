package dev.packinspector.restore;

import dev.packinspector.store.PackSet;
import java.nio.file.Files;
import java.nio.file.Path;

/** A restore in a JVM of its own, for the test that kills it: args are the packs folder, an items file and the target. */
public final class RestoreChild {
    private RestoreChild() {
    }

    public static void main(String[] args) throws Exception {
        try (PackSet packs = PackSet.open(Path.of(args[0]))) {
            var items = GeneratedStore.decode(Files.readString(Path.of(args[1])));
            RestorePlan plan = RestorePlanner.plan(packs, items, Path.of(args[2]), false);
            new Restorer(1).run(plan, RestoreListener.NONE);
        }
    }
}
