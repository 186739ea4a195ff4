package dev.packinspector.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code pack-inspector}: the subcommands, and the streams they write to. */
@Command(name = "pack-inspector", mixinStandardHelpOptions = true, version = "Pack Inspector 0.1.0",
        description = "Browse, verify and restore chkpt stores. STORE is a store folder or a bare packs/ folder.",
        subcommands = {PacksCommand.class, LsCommand.class, CatCommand.class, SnapshotsCommand.class, FilesCommand.class,
            RestoreCommand.class, ExtractCommand.class, VerifyCommand.class, FindCommand.class, HistoryCommand.class, DiffCommand.class,
            WhichCommand.class, StatsCommand.class, ExportCommand.class, InfoCommand.class, TreeCommand.class})
final class RootCommand implements Runnable {
    final OutputStream stdout;
    final PrintStream stderr;

    RootCommand(OutputStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
