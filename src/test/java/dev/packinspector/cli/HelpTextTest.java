package dev.packinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command's {@code --help}, and the root's, exactly as recorded under
 * src/test/resources/dev/packinspector/cli/help: what a user reads does not change unseen, however
 * picocli's model of the commands is built. After a deliberate change, write the files anew with
 * {@code ./mvnw test -Dtest=HelpTextTest -Dhelp.record=true} and read their diff.
 */
class HelpTextTest {
    private static final Path RECORDED = Path.of("src", "test", "resources", "dev", "packinspector", "cli", "help");

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpIsAsRecorded() {
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        for (String name : RootCommand.COMMANDS) {
            runs.add(new String[] {name, "--help"});
        }
        return runs.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
            var out = new ByteArrayOutputStream();
            int exit = new Cli(out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(args);
            assertEquals(Cli.OK, exit);
            String help = out.toString(StandardCharsets.UTF_8);
            Path file = RECORDED.resolve((args.length == 1 ? "pack-inspector" : args[0]) + ".txt");
            if (Boolean.getBoolean("help.record")) {
                record(file, help);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), help, "the help of " + String.join(" ", args));
        }));
    }

    private static void record(Path file, String help) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, help, StandardCharsets.UTF_8);
    }
}
