package org.ppay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ppay} command line: one subcommand per stage of the pipeline. */
@Command(name = "ppay",
        mixinStandardHelpOptions = true,
        versionProvider = PpayVersion.class,
        description = "PPay micropayments: measure what the protocol costs on this machine and report broker and peer load.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SuitesCommand.class,
            BenchCommand.class,
            CalibrateCommand.class,
            SimulateCommand.class,
            ReportCommand.class,
            PipelineCommand.class,
            ValidateCommand.class,
        })
public final class PpayCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The build's version, for files that record what produced them. */
    public static String versionText() {
        final String version = PpayCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** The command line as tests and {@link #main} run it. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new PpayCommand()).setExecutionExceptionHandler(PpayCommand::reportBadInput);
    }

    /** Bad input (files, options) is the user's to fix: one line naming the problem, exit code 2, no stack trace. */
    private static int reportBadInput(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException) {
            commandLine.getErr().println("ppay " + commandLine.getCommandName() + ": " + e.getMessage());
            commandLine.getErr().flush();
            return 2;
        }
        throw e;
    }
}
