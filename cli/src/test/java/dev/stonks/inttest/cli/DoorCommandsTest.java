package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to replay and cancel is refused before anything is asked or published: exit 2 with the reason. */
class DoorCommandsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "replay --run-id stonks-inttest-a                                   | --from-stage is required",
        "replay --from-stage seed_data                                      | --run-id is required",
        "replay --run-id Not_A_Label --from-stage seed_data                 | --run-id: run id 'Not_A_Label'",
        "replay --run-id stonks-inttest-a --from-stage deploy               | unknown stage 'deploy'; one of infra_deploy",
        "replay --run-id stonks-inttest-a --from-stage seed_data --image-tag :x | --image-tag: image tag ':x'",
        "replay --run-id stonks-inttest-a --from-stage seed_data --timeout 5 | --timeout must be in 10..86400",
        "replay --run-id stonks-inttest-a --from-stage seed_data --results-file /nonexistent/r.json | does not exist",
        "replay --run-id stonks-inttest-a --from-stage seed_data --bogus    | unknown argument: --bogus",
        "cancel                                                             | --run-id is required",
        "cancel --run-id stonks-inttest-a --reason                          | option --reason needs a value",
    })
    void badInputExits2WithTheReason(String args, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(args.trim().split("\\s+"), new PrintStream(out), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message.trim()).contains("Usage: inttest");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"replay", "cancel"})
    void helpIsPrinted(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {command, "--help"}, new PrintStream(out), System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: inttest " + command, "resident stack");
    }
}
