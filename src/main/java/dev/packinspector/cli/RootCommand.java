package dev.packinspector.cli;

import dev.packinspector.Version;
import dev.packinspector.restore.FreeSpace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/** {@code pack-inspector}: the subcommands, and the streams they write to. */
@Command(name = "pack-inspector", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionText.class, scope = ScopeType.INHERIT,
        description = "Browse, verify and restore chkpt stores. STORE is a store folder or a bare packs/ folder.")
final class RootCommand implements Runnable {
    /**
     * The subcommands, in the order the help lists them. {@link Cli} gives picocli only the one a
     * command line names (building the model of all sixteen by reflection took 0.4 s of every run),
     * and all of them when none is named (help, a mistyped command).
     */
    static final List<Class<?>> COMMANDS = List.of(PacksCommand.class, LsCommand.class, CatCommand.class, SnapshotsCommand.class,
            FilesCommand.class, RestoreCommand.class, ExtractCommand.class, VerifyCommand.class, FindCommand.class, HistoryCommand.class,
            DiffCommand.class, WhichCommand.class, StatsCommand.class, ExportCommand.class, InfoCommand.class, TreeCommand.class);

    final OutputStream stdout;
    final PrintStream stderr;
    final FreeSpace freeSpace;

    RootCommand(OutputStream stdout, PrintStream stderr, FreeSpace freeSpace) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.freeSpace = freeSpace;
    }

    /** The subcommands {@code args} needs: the one its first word names, none for the version, else all of them. */
    static List<Class<?>> commandsFor(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(c);
                }
            }
        }
        return COMMANDS;
    }

    /** The command line this is the root of, set by {@link Cli} (not by {@code @Spec}: see {@link Subcommand#root}). */
    picocli.CommandLine commandLine;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(commandLine, "a command is required");
    }

    /** {@code --version}: the POM's version, which the build records ({@link Version}). */
    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Pack Inspector " + Version.current()};
        }
    }
}
