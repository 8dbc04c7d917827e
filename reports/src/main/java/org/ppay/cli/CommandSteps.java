package org.ppay.cli;

import java.util.List;
import picocli.CommandLine;

/** Runs other ppay commands as the steps of one (pipeline, validate --calibrate), writing where it writes. */
final class CommandSteps {

    private CommandSteps() {
    }

    /** Runs {@code ppay args...} on a fresh command line; says what it runs and, when it fails, its status. */
    static int run(CommandLine caller, List<String> args) {
        final String who = "ppay " + caller.getCommandName();
        caller.getErr().println(who + ": ppay " + String.join(" ", args));
        final CommandLine step = PpayCommand.newCommandLine();
        step.setOut(caller.getOut());
        step.setErr(caller.getErr());
        final int status = step.execute(args.toArray(String[]::new));
        if (status != 0) {
            caller.getErr().println(who + ": '" + args.get(0) + "' ended with status " + status);
        }
        return status;
    }
}
