package dev.stonks.inttest.tester.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.report.ArtifactJUnitXmlStore;
import dev.stonks.inttest.tester.runner.fixtures.BrokenSetupFixture;
import dev.stonks.inttest.tester.runner.fixtures.BrokenTeardownFixture;
import dev.stonks.inttest.tester.runner.fixtures.ConcurrentFixture;
import dev.stonks.inttest.tester.runner.fixtures.EmptyFixture;
import dev.stonks.inttest.tester.runner.fixtures.MixedOutcomesFixture;
import dev.stonks.inttest.tester.runner.fixtures.PassingFixture;
import dev.stonks.inttest.tester.runner.fixtures.PhaseLog;
import dev.stonks.inttest.tester.runner.fixtures.ReadingFixture;
import dev.stonks.inttest.tester.runner.fixtures.SandboxAwareFixture;
import dev.stonks.inttest.tester.runner.fixtures.SlowFixture;
import dev.stonks.inttest.tester.runner.fixtures.WritingFixture;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner's counting and classification, on fixture classes that make no network calls. */
class SuiteRunnerTest {
    private static final Map<String, String> SERVICES = Map.of("query-api", "http://query-api.invalid:8080");
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void countsPassedFailedErrorsAndSkippedAndNamesEveryNonPassingTest() {
        TestsOutput out = runner(MixedOutcomesFixture.class).runSuites("r1", SERVICES, 1,
                List.of(MixedOutcomesFixture.class));

        assertThat(out.total()).isEqualTo(7);
        assertThat(out.passed()).isEqualTo(2);
        assertThat(out.failed()).isEqualTo(2);
        assertThat(out.errors()).isEqualTo(1);
        assertThat(out.skipped()).isEqualTo(2);
        Map<String, TestFailure> failures = out.failures().stream()
                .collect(Collectors.toMap(TestFailure::test, f -> f));
        assertThat(failures.keySet()).containsExactlyInAnyOrder("MixedOutcomesFixture.failsAnAssertion",
                "MixedOutcomesFixture.parameterized[b]", "MixedOutcomesFixture.throwsAnError");
        assertThat(failures.get("MixedOutcomesFixture.failsAnAssertion")).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TestFailure.FAILURE);
            assertThat(f.message()).contains("[name]").contains("Apple Corp.").contains("Apple Inc.");
        });
        assertThat(failures.get("MixedOutcomesFixture.parameterized[b]").kind()).isEqualTo(TestFailure.FAILURE);
        assertThat(failures.get("MixedOutcomesFixture.throwsAnError")).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TestFailure.ERROR);
            assertThat(f.message()).isEqualTo(
                    "IllegalStateException: boom (caused by ConnectException: Connection refused)");
        });
    }

    @Test
    void aBrokenSetupErrorsEveryTestOfTheClass() {
        TestsOutput out = runner(BrokenSetupFixture.class).runSuites("r1", SERVICES, 1,
                List.of(BrokenSetupFixture.class));

        assertThat(out.total()).isEqualTo(2);
        assertThat(out.errors()).isEqualTo(2);
        assertThat(out.failures()).extracting(TestFailure::test)
                .containsExactlyInAnyOrder("BrokenSetupFixture.first", "BrokenSetupFixture.second");
        assertThat(out.failures()).allSatisfy(f -> assertThat(f.message())
                .isEqualTo("(BrokenSetupFixture failed) IllegalStateException: setup broke"));
    }

    @Test
    void aBrokenTeardownIsReportedUnderTheClassName() {
        TestsOutput out = runner(BrokenTeardownFixture.class).runSuites("r1", SERVICES, 1,
                List.of(BrokenTeardownFixture.class));

        assertThat(out.passed()).isEqualTo(1);
        assertThat(out.errors()).isEqualTo(1);
        assertThat(out.total()).isEqualTo(2);
        assertThat(out.failures()).containsExactly(new TestFailure("BrokenTeardownFixture", TestFailure.ERROR,
                "IllegalStateException: cleanup broke"));
    }

    @Test
    void aTestOverItsTimeLimitIsAnError() {
        SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(SlowFixture.class),
                Duration.ofSeconds(1), Duration.ofMillis(300)));

        long t0 = System.nanoTime();
        TestsOutput out = runner.runSuites("r1", SERVICES, 1, List.of(SlowFixture.class));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(out.errors()).isEqualTo(1);
        assertThat(out.failures().get(0).message()).contains("TimeoutException").contains("timed out after 300");
    }

    @Test
    void theTestsSeeTheSandboxOfTheirRun() {
        TestsOutput out = runner(SandboxAwareFixture.class).runSuites("r-sandbox", SERVICES, 3,
                List.of(SandboxAwareFixture.class));

        assertThat(out.failures()).isEmpty();
        assertThat(out.passed()).isEqualTo(1);
    }

    @Test
    void allPassedIsAnOkStageAndAnyFailureAFailedOneCarryingTheOutput() {
        StageResult ok = runner(PassingFixture.class).run("r1", context(SERVICES));
        StageResult failed = runner(MixedOutcomesFixture.class).run("r1", context(SERVICES));

        assertThat(ok.status()).isEqualTo(StageStatus.OK);
        assertThat(((TestsOutput) ok.output()).passed()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(failed.error().kind()).isEqualTo("tests_failed");
        assertThat(failed.error().message()).matches("2 failed, 1 errors: MixedOutcomesFixture\\.\\w+(\\[b])?: .+");
        assertThat(((TestsOutput) failed.output()).total()).isEqualTo(7);
    }

    @Test
    void noServicesAndNoTestsAreNamedStageFailures() {
        assertThatThrownBy(() -> runner(PassingFixture.class).run("r1", context(Map.of())))
                .isInstanceOfSatisfying(StageFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo("no_services"));
        assertThatThrownBy(() -> runner(EmptyFixture.class).run("r1", context(SERVICES)))
                .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.kind()).isEqualTo("no_tests"));
    }

    @Test
    void theRunsJUnitXmlIsStoredAsTheStageResultIsMade() throws Exception {
        // Given
        Map<String, byte[]> stored = new java.util.concurrent.ConcurrentHashMap<>();
        SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(MixedOutcomesFixture.class),
                Duration.ofSeconds(1), Duration.ofSeconds(30)), (runId, xml) -> {
                    stored.put(runId, xml);
                    return "memory";
                });

        // When
        StageResult result = runner.run("r-stored", context(SERVICES));

        // Then
        TestsOutput out = (TestsOutput) result.output();
        assertThat(out.unavailable()).isEmpty();
        assertThat(stored).containsOnlyKeys("r-stored");
        org.w3c.dom.Element root = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(stored.get("r-stored"))).getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void aStoreThatFailsCostsTheRecordNotTheTestsOutcome() throws Exception {
        // Given an artifact store nobody listens at
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closed;
        try (ArtifactStore artifacts = ArtifactStore.create(endpoint, "a", "s", "inttest-artifacts", null)) {
            ArtifactJUnitXmlStore store = new ArtifactJUnitXmlStore(artifacts, List.of(Duration.ofMillis(10)));

            // When
            StageResult passed = new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(PassingFixture.class),
                    Duration.ofSeconds(1), Duration.ofSeconds(30)), store).run("r-lost", context(SERVICES));
            StageResult failed = new SuiteRunner(vertx, new SuiteRunner.Settings(
                    List.of(MixedOutcomesFixture.class), Duration.ofSeconds(1), Duration.ofSeconds(30)), store)
                    .run("r-lost", context(SERVICES));

            // Then the tests decide the status, and the output says what was not kept and why
            assertThat(passed.status()).isEqualTo(StageStatus.OK);
            TestsOutput out = (TestsOutput) passed.output();
            assertThat(out.passed()).isEqualTo(1);
            assertThat(out.unavailable()).containsOnlyKeys("junit.xml");
            assertThat(out.unavailable().get("junit.xml")).contains(endpoint, "bucket inttest-artifacts",
                    "runs/r-lost/junit.xml", "ConnectException");
            assertThat(failed.status()).isEqualTo(StageStatus.FAILED);
            assertThat(failed.error().kind()).isEqualTo("tests_failed");
            assertThat(((TestsOutput) failed.output()).failed()).isEqualTo(2);
            assertThat(((TestsOutput) failed.output()).unavailable()).containsKey("junit.xml");
        }
    }

    @Test
    void theSummaryNamesTheFirstFailureOnOneLine() {
        TestsOutput out = new TestsOutput(3, 1, 1, 1, 0, List.of(
                new TestFailure("A.b", TestFailure.FAILURE, "expected: 1\n but was: 2"),
                new TestFailure("A.c", TestFailure.ERROR, "boom")), Map.of());

        assertThat(SuiteRunner.summary(out)).isEqualTo("1 failed, 1 errors: A.b: expected: 1");
    }

    @Test
    void readOnlyTestsRunConcurrentlyUpToTheParallelism() {
        // Given three tests that each wait for the other two
        SuiteRunner parallel = runner(ConcurrentFixture.class, 3);
        SuiteRunner serial = runner(ConcurrentFixture.class, 1);

        // When
        TestsOutput together = parallel.runSuites("r1", SERVICES, 1, List.of(ConcurrentFixture.class));
        TestsOutput oneByOne = serial.runSuites("r1", SERVICES, 1, List.of(ConcurrentFixture.class));

        // Then
        assertThat(together.failures()).isEmpty();
        assertThat(together.passed()).isEqualTo(3);
        assertThat(oneByOne.errors()).as("one at a time, nobody arrives at the barrier").isEqualTo(3);
    }

    @Test
    void mutatingTestsRunAloneAfterEveryReadOnlyTest() {
        // Given
        PhaseLog.clear();
        SuiteRunner runner = runner(ReadingFixture.class, 4);

        // When
        SuiteRunReport report = runner.execute("r1", SERVICES, 1, List.of(WritingFixture.class, ReadingFixture.class),
                null);

        // Then
        TestsOutput out = report.output();
        assertThat(out.failures()).isEmpty();
        assertThat(out.total()).isEqualTo(7);
        List<String> events = PhaseLog.events();
        int firstWrite = events.indexOf(events.stream().filter(e -> e.startsWith("start write")).findFirst()
                .orElseThrow());
        assertThat(events.subList(0, firstWrite).stream().filter(e -> e.startsWith("end read")))
                .as("every read ended before the first write started").hasSize(5);
        List<String> writes = events.subList(firstWrite, events.size());
        assertThat(writes).as("only writes after that").hasSize(4).allMatch(e -> e.contains(" write "));
        assertThat(List.of(writes.get(0).replace("start", "end"), writes.get(2).replace("start", "end")))
                .as("each write ends before the next starts").containsExactly(writes.get(1), writes.get(3));
        assertThat(PhaseLog.mostReadsAtOnce()).as("reads ran in parallel").isGreaterThan(1).isLessThanOrEqualTo(4);
        assertThat(PhaseLog.mostAtOnceWhileWriting()).as("a write ran alone").isEqualTo(1);
        assertThat(report.outcomes().subList(5, 7)).extracting(TestOutcome::test)
                .containsExactlyInAnyOrder("WritingFixture.writesFirst", "WritingFixture.writesSecond");
        assertThat(report.tallies()).extracting(SuiteTally::simpleName, SuiteTally::total)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("WritingFixture", 3),
                        org.assertj.core.groups.Tuple.tuple("ReadingFixture", 4));
    }

    private static SuiteRunner runner(Class<?> suite, int parallelism) {
        return new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(suite), Duration.ofSeconds(1),
                Duration.ofSeconds(30), parallelism, null));
    }

    private static SuiteRunner runner(Class<?> suite) {
        return new SuiteRunner(vertx, new SuiteRunner.Settings(List.of(suite), Duration.ofSeconds(1),
                Duration.ofSeconds(30)));
    }

    private static RunContext context(Map<String, String> services) {
        return new RunContext("abc123", "stonks-inttest-r1", false, 1, null, null, services);
    }
}
