package dev.packinspector.cli;

import dev.packinspector.catalog.Catalog;
import dev.packinspector.catalog.PathText;
import dev.packinspector.catalog.Snapshot;
import dev.packinspector.restore.ArchiveExporter;
import dev.packinspector.restore.RestoreItem;
import dev.packinspector.restore.RestoreProblem;
import dev.packinspector.store.PackSet;
import dev.packinspector.store.tree.TreeStore;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a snapshot (or the listed paths and folders of it) into an archive: .zip, .tar, .tar.gz or .tgz by its name.",
            "Tar keeps permission bits and symlinks; zip keeps them in its Unix fields. Every object is verified before it is written;",
            "the archive appears under its name only when complete. Refused entries are listed on stderr and give exit code 1."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "STORE", description = "a chkpt store folder")
    private Path store;

    @Parameters(index = "1", paramLabel = "SNAPSHOT", description = "a snapshot id, a unique prefix of one, or 'latest'")
    private String snapshot;

    @Parameters(index = "2", paramLabel = "ARCHIVE", description = "the archive to write (.zip, .tar, .tar.gz, .tgz)")
    private Path archive;

    @Option(names = "--path", paramLabel = "P", description = "export only this file or folder (repeatable); as stored or as printed, in double quotes")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--overwrite", description = "replace ARCHIVE if it exists")
    private boolean overwrite;

    @Override
    public Integer call() throws Exception {
        try {
            ArchiveExporter.Format.of(archive);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!overwrite && java.nio.file.Files.exists(archive)) {
            throw new UsageException(archive + " already exists (use --overwrite to replace it)");
        }
        try (PackSet packs = PackSet.open(store); Catalog catalog = Catalog.open(store).orElseThrow(() -> RestoreCommand.noCatalog(store));
                TreeStore trees = TreeStore.open(store)) {
            Snapshot chosen = catalog.resolve(snapshot);
            List<RestoreItem> selected = RestoreCommand.itemsOf(catalog, trees, chosen, paths);
            long start = System.nanoTime();
            ArchiveExporter.Result result = new ArchiveExporter(packs).export(selected, archive, overwrite,
                    chosen.createdInstant().orElseGet(java.time.Instant::now), () -> false,
                    n -> { });
            for (RestoreProblem p : result.refused()) {
                root.stderr.println("pack-inspector: " + PathText.quote(p.path()) + ": left out: " + PathText.oneLine(p.message()));
            }
            try (Writer out = Output.text(root.stdout)) {
                out.write(String.format(Locale.ROOT, "%,d files (%s) written to %s, %,d left out, in %.2f s%n", result.files(),
                        TerminalProgress.bytes(result.bytes()), result.archive(), result.refused().size(), (System.nanoTime() - start) / 1e9));
            }
            return result.refused().isEmpty() ? Cli.OK : Cli.PROBLEMS;
        }
    }
}
