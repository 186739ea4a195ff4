package dev.packinspector.cli;

import dev.packinspector.Version;
import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pack-inspector}: the subcommands, and the streams they write to. */
final class RootCommand implements Runnable {
    /**
     * The subcommands, in the order the help lists them. {@link Cli} gives picocli only the one a
     * command line names, and all of them when none is named (help, a mistyped command).
     */
    static final List<String> COMMANDS = List.of("packs", "ls", "cat", "snapshots", "files", "restore", "extract", "verify", "find", "history",
            "diff", "status", "rollback", "mount", "which", "stats", "export", "info", "tree");

    /** {@code --version}: the POM's version, which the build records ({@link Version}). */
    static final IVersionProvider VERSION = new VersionText();

    final OutputStream stdout;
    final PrintStream stderr;
    final FreeSpace freeSpace;
    final CommandSpec spec = Arguments.command(this, "pack-inspector",
            "Browse, verify and restore chkpt stores. STORE is a store folder, a bare packs/ folder, or a folder chkpt saved (its store is found where chkpt keeps it).");

    /** The command line this is the root of, set by {@link Cli}. */
    CommandLine commandLine;

    RootCommand(OutputStream stdout, PrintStream stderr, FreeSpace freeSpace) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.freeSpace = freeSpace;
    }

    /** The subcommands {@code args} needs: the one its first word names, none for the version, else all of them. */
    static List<String> commandsFor(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            return List.of(args[0]);
        }
        return COMMANDS;
    }

    /** A new subcommand named {@code name} (one of {@link #COMMANDS}) that writes to this root's streams. */
    Subcommand command(String name) {
        Subcommand command = switch (name) {
            case "packs" -> new PacksCommand();
            case "ls" -> new LsCommand();
            case "cat" -> new CatCommand();
            case "snapshots" -> new SnapshotsCommand();
            case "files" -> new FilesCommand();
            case "restore" -> new RestoreCommand();
            case "extract" -> new ExtractCommand();
            case "verify" -> new VerifyCommand();
            case "find" -> new FindCommand();
            case "history" -> new HistoryCommand();
            case "diff" -> new DiffCommand();
            case "status" -> new StatusCommand();
            case "rollback" -> new RollbackCommand();
            case "mount" -> new MountCommand();
            case "which" -> new WhichCommand();
            case "stats" -> new StatsCommand();
            case "export" -> new ExportCommand();
            case "info" -> new InfoCommand();
            case "tree" -> new TreeCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
        command.root = this;
        return command;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine, "a command is required");
    }

    private static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Pack Inspector " + Version.current()};
        }
    }
}
