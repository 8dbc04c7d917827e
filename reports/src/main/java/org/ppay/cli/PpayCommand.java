package org.ppay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ppay} command line: one subcommand per stage of the pipeline. */
@Command(name = "ppay",
        mixinStandardHelpOptions = true,
        versionProvider = PpayVersion.class,
        description = "PPay micropayments: measure what the protocol costs on this machine and report broker and peer load.",
        subcommands = {CommandLine.HelpCommand.class, ReportCommand.class})
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
        return new CommandLine(new PpayCommand());
    }
}
