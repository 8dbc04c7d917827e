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
        return new CommandLine(new PpayCommand()).setExecutionExceptionHandler(PpayCommand::reportBadInput)
                .setParameterExceptionHandler(PpayCommand::reportBadOption);
    }

    /**
     * A bad option or argument: the error and one line pointing at {@code --help}, exit code 2. The whole usage is
     * a screenful that pushes the error out of sight, so it is printed only when asked for.
     */
    private static int reportBadOption(CommandLine.ParameterException e, String[] args) {
        final CommandLine commandLine = e.getCommandLine();
        final java.io.PrintWriter err = commandLine.getErr();
        err.println("ppay " + commandLine.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try 'ppay " + (commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ")
                + "--help' for the options.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
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
