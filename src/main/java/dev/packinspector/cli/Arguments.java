package dev.packinspector.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The parameters and options of the commands, declared with picocli's programmatic model rather
 * than its annotations: reading annotations made every run build dynamic proxies and reflect over
 * each command's fields, 54 ms against 16 ms for a small command (BENCHMARKS.md, issue 15). Each
 * spec holds its own value once the command line is parsed; {@link #value} and {@link #on} read it.
 */
final class Arguments {
    private Arguments() {}

    /** A group of parameters and options several commands share (the store, the output format, ...). */
    interface Part {
        void addTo(CommandSpec command);
    }

    /**
     * What picocli may make by reflection for this model: only the collection behind a parameter
     * that takes several values. Its default factory, when first used, looks for Groovy's
     * {@code Closure} on the class path, a failing search of every jar (about 20 ms of each run).
     */
    static final IFactory FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.isAssignableFrom(ArrayList.class)) {
                return type.cast(new ArrayList<>());
            }
            if (type.isAssignableFrom(LinkedHashSet.class)) {
                return type.cast(new LinkedHashSet<>());
            }
            return type.getDeclaredConstructor().newInstance();
        }
    };

    /** A command named {@code name}, run by {@code command}, with {@code -h} and {@code -V}. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, FACTORY).name(name);
        spec.usageMessage().description(description);
        spec.versionProvider(RootCommand.VERSION);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        return spec;
    }

    /** The parameter at {@code index}, required. */
    static PositionalParamSpec parameter(String index, String label, Class<?> type, String description) {
        return PositionalParamSpec.builder().index(index).required(true).paramLabel(label).type(type).description(description).build();
    }

    /** The parameter at {@code index}, which may be left out. */
    static PositionalParamSpec optionalParameter(String index, String label, Class<?> type, String description) {
        return PositionalParamSpec.builder().index(index).arity("0..1").paramLabel(label).type(type).description(description).build();
    }

    /** One or more parameters from {@code index} on, read as a list of {@code type}. */
    static PositionalParamSpec parameters(String index, String label, Class<?> type, String description) {
        return PositionalParamSpec.builder().index(index + "..*").arity("1..*").required(true).paramLabel(label).type(List.class).auxiliaryTypes(type)
                .description(description).build();
    }

    /** An option without a value: {@link #on} tells if it was given. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).initialValue(false).description(description).build();
    }

    /** An option with a value, null unless given. */
    static OptionSpec option(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description).build();
    }

    /** An option with a value that must be given. */
    static OptionSpec requiredOption(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).required(true).paramLabel(label).type(type).description(description).build();
    }

    /** An option with a value that is {@code initial} unless given. */
    static OptionSpec option(String name, String label, Class<?> type, Object initial, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).initialValue(initial).hasInitialValue(true).description(description).build();
    }

    /** An option that may be given several times, each value read as a {@code type}. */
    static OptionSpec repeatable(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(type).description(description).build();
    }

    /** The parsed value of {@code arg}: null for a parameter or option that was not given and has no initial value. */
    static <T> T value(ArgSpec arg) {
        return arg.getValue();
    }

    /** The values of a repeatable option or of {@link #parameters}: empty if none was given. */
    static <T> List<T> values(ArgSpec arg) {
        List<T> given = arg.getValue();
        return given == null ? List.of() : given;
    }

    /** True if the flag was given. */
    static boolean on(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }
}
