package dev.packinspector.cli;

import dev.packinspector.Version;
import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/** {@code pack-inspector}: the subcommands, and the streams they write to. */
@Command(name = "pack-inspector", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionText.class, scope = ScopeType.INHERIT,
        description = "Browse, verify and restore chkpt stores. STORE is a store folder or a bare packs/ folder.",
        subcommands = {PacksCommand.class, LsCommand.class, CatCommand.class, SnapshotsCommand.class, FilesCommand.class,
            RestoreCommand.class, ExtractCommand.class, VerifyCommand.class, FindCommand.class, HistoryCommand.class, DiffCommand.class,
            WhichCommand.class, StatsCommand.class, ExportCommand.class, InfoCommand.class, TreeCommand.class})
final class RootCommand implements Runnable {
    final OutputStream stdout;
    final PrintStream stderr;
    final FreeSpace freeSpace;

    RootCommand(OutputStream stdout, PrintStream stderr, FreeSpace freeSpace) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.freeSpace = freeSpace;
    }

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** {@code --version}: the POM's version, which the build records ({@link Version}). */
    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Pack Inspector " + Version.current()};
        }
    }
}
