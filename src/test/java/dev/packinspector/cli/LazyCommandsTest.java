package dev.packinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * picocli is given only the subcommand a command line names (building all sixteen took 0.4 s of
 * every run); help and a mistyped command still see every one, and a subcommand's own help and
 * inherited options work as before.
 */
class LazyCommandsTest {
    private static String out(int[] exit, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        exit[0] = new Cli(out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(RootCommand.commandsFor("restore", "STORE", "latest", "T")).containsExactly("restore");
        assertThat(RootCommand.commandsFor("--version")).isEmpty();
        assertThat(RootCommand.commandsFor("--help")).isEqualTo(RootCommand.COMMANDS);
        assertThat(RootCommand.commandsFor("restor")).isEqualTo(RootCommand.COMMANDS);
        assertThat(RootCommand.commandsFor()).isEqualTo(RootCommand.COMMANDS);
    }

    @Test
    void helpListsEveryCommandAndEachCommandKeepsItsOwnHelp() {
        int[] exit = {-1};
        String help = out(exit, "--help");
        assertThat(exit[0]).isEqualTo(Cli.OK);
        for (String name : RootCommand.COMMANDS) {
            assertThat(help).contains("\n  " + name + " ");
        }
        String restore = out(exit, "restore", "--help");
        assertThat(exit[0]).isEqualTo(Cli.OK);
        assertThat(restore).startsWith("Usage: pack-inspector restore ").contains("--dry-run").contains("-h, --help");
        String mistyped = out(exit, "restor");
        assertThat(exit[0]).isEqualTo(Cli.USAGE);
        assertThat(mistyped).contains("restore");
    }

    @Test
    void everyCommandGivenNothingSaysWhatIsMissing() {
        int[] exit = {-1};
        for (String name : RootCommand.COMMANDS) {
            String said = out(exit, name);
            assertThat(exit[0]).as(name).isEqualTo(Cli.USAGE);
            // rollback works on a folder chkpt saved, never on a store given as such
            assertThat(said).as(name).startsWith("Missing required").contains(name.equals("rollback") ? "'FOLDER'" : "'STORE'")
                    .contains("Usage: pack-inspector " + name + " ");
        }
    }
}
