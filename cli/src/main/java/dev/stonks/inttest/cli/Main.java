package dev.stonks.inttest.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code inttest <command> [options]}. */
public final class Main {
    static final String COMMANDS = """
            Usage: inttest <command> [options]

            Commands:
              run     One run (the run_pipeline.sh contract): on the resident stack when it is up, else on a
                      one-shot embedded stack; run --help for options
              test    The test suites against a live deployment (--base-url SERVICE=URL ...); test --help for options
              up      Start the resident stack in the background; return when it is ready
              down    Stop the resident stack (its Kafka data stays)
              status  Where the resident stack is, its services and runs in flight (--json); exit 3 when not up
              replay  Re-run a stage and the stages after it on the resident stack (--run-id, --from-stage)
              cancel  Cancel a run in flight on the resident stack (--run-id, --reason)
            """;
    /** The hidden command that {@code up} starts detached: it owns the resident stack. */
    static final String DAEMON_COMMAND = "stack-daemon";

    /** The launchers log their progress at INFO; the CLI prints its own progress lines instead. */
    private static final Logger LAUNCHER_LOG = Logger.getLogger("dev.stonks.inttest.localstack");

    private Main() {
    }

    public static void main(String[] args) {
        LAUNCHER_LOG.setLevel(Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("inttest: missing command");
            err.print(COMMANDS);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "run":
                if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
                    out.print(RunOptions.USAGE);
                    return 0;
                }
                RunOptions options;
                try {
                    options = RunOptions.parse(rest);
                } catch (UsageException e) {
                    err.println("inttest run: " + e.getMessage());
                    err.print(RunOptions.USAGE);
                    return 2;
                }
                return new RunCommand(options, out).call();
            case "test":
                return TestCommand.run(rest, out, err);
            case "up":
                return ResidentCommands.up(rest, out, err);
            case "down":
                return ResidentCommands.down(rest, out, err);
            case "status":
                return ResidentCommands.status(rest, out, err);
            case "replay":
                return DoorCommands.replay(rest, out, err);
            case "cancel":
                return DoorCommands.cancel(rest, out, err);
            case DAEMON_COMMAND:
                return StackDaemon.run(out);
            case "-h":
            case "--help":
                out.print(COMMANDS);
                return 0;
            default:
                err.println("inttest: unknown command: " + args[0]);
                err.print(COMMANDS);
                return 2;
        }
    }
}
