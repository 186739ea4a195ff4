package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.legacy.LegacyCatalog;
import dev.packinspector.legacy.LegacyStore;
import dev.packinspector.legacy.LegacyWalk;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.LooseObjects;
import dev.packinspector.restore.NoRoomException;
import dev.packinspector.restore.ObjectSource;
import dev.packinspector.restore.PackObjects;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.StoreFormat;
import dev.packinspector.store.tree.TreeStore;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ExportCommand extends Subcommand {
    private final StoreArgument store = add(StoreArgument.folder());

    private final SnapshotArgument snapshot = add(new SnapshotArgument());

    private final PositionalParamSpec archiveParameter = add(Arguments.parameter("2", "ARCHIVE", Path.class,
            "the archive to write (.zip, .tar, .tar.gz, .tgz)"));

    private final PathSelection paths = add(new PathSelection());

    private final OptionSpec overwriteFlag = add(Arguments.flag("--overwrite", "replace ARCHIVE if it exists"));

    ExportCommand() {
        super("export", "Writes a snapshot (or the listed paths and folders of it) into an archive: .zip, .tar, .tar.gz or .tgz by its name.",
                "Tar keeps permission bits and symlinks; zip keeps them in its Unix fields. Every object is verified before it is written;",
                "the archive appears under its name only when complete. Refused entries are listed on stderr and give exit code 1.");
    }

    @Override
    public Integer call() throws Exception {
        Path archive = Arguments.value(archiveParameter);
        boolean overwrite = Arguments.on(overwriteFlag);
        try {
            ArchiveExporter.Format.of(archive);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!overwrite && java.nio.file.Files.exists(archive)) {
            throw new UsageException(archive + " already exists (use --overwrite to replace it)");
        }
        Path at = store.pathOfAnyFormat();
        if (StoreFormat.isLegacy(at)) {
            LegacyStore legacy = LegacyStore.open(at);
            LegacyCatalog snapshots = new LegacyCatalog(legacy);
            Snapshot chosen = snapshots.resolve(snapshot.reference());
            List<RestoreItem> selected = paths.select(LooseObjects.items(new LegacyWalk(legacy).of(snapshots.legacy(chosen))), chosen.id());
            return export(new LooseObjects(legacy), selected, archive, overwrite, chosen.createdInstant().orElseGet(java.time.Instant::now));
        }
        try (PackSet packs = store.packs(); Catalog catalog = store.catalog(); TreeStore trees = store.trees()) {
            Snapshot chosen = snapshot.in(catalog);
            return export(new PackObjects(packs), paths.of(catalog, trees, chosen), archive, overwrite,
                    chosen.createdInstant().orElseGet(java.time.Instant::now));
        }
    }

    /** Writes {@code selected} from {@code source} into {@code archive}, each entry with the snapshot's time. */
    private int export(ObjectSource source, List<RestoreItem> selected, Path archive, boolean overwrite, java.time.Instant time) throws Exception {
        long start = System.nanoTime();
        ArchiveExporter.Result result;
        try {
            result = new ArchiveExporter(source, freeSpace()).export(selected, archive, overwrite, time, () -> false, n -> { });
        } catch (NoRoomException e) {
            throw new UsageException(e.getMessage() + " (nothing was written)"); // as restore refuses a target without room
        }
        for (RestoreProblem p : result.refused()) {
            stderr().println("pack-inspector: " + PathText.quote(p.path()) + ": left out: " + PathText.oneLine(p.message()));
        }
        try (Writer out = Output.text(stdout())) {
            out.write(String.format(Locale.ROOT, "%,d files (%s) written to %s, %,d left out, in %.2f s%n", result.files(),
                    TerminalProgress.bytes(result.bytes()), result.archive(), result.refused().size(), (System.nanoTime() - start) / 1e9));
        }
        return result.refused().isEmpty() ? Cli.OK : Cli.PROBLEMS;
    }
}
