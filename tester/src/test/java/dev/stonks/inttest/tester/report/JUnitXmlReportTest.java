package dev.stonks.inttest.tester.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.tester.runner.SuiteRunReport;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import dev.stonks.inttest.tester.runner.TestOutcome;
import dev.stonks.inttest.tester.runner.fixtures.BrokenSetupFixture;
import dev.stonks.inttest.tester.runner.fixtures.BrokenTeardownFixture;
import dev.stonks.inttest.tester.runner.fixtures.MixedOutcomesFixture;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * The JUnit XML of a real suite run, validated against Maven Surefire's {@code surefire-test-report.xsd} (unpacked
 * by the build from Surefire's source release on Maven Central into {@code target/surefire-xsd}).
 */
class JUnitXmlReportTest {
    private static Vertx vertx;
    private static Schema surefire;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        vertx = Vertx.vertx();
        surefire = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schemaFile().toFile());
    }

    @AfterAll
    static void tearDown() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aRunWritesOneSurefireReportPerSuiteThatTheSchemaAccepts() throws Exception {
        // Given
        List<Class<?>> suites = List.of(MixedOutcomesFixture.class, BrokenSetupFixture.class,
                BrokenTeardownFixture.class);
        SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(suites, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 4, tmp));

        // When
        SuiteRunReport report = runner.execute("r-xml", Map.of("query-api", "http://query-api.invalid"), 1, suites,
                tmp.resolve("r-xml"));

        // Then
        assertThat(report.reportDir()).isEqualTo(tmp.resolve("r-xml").toAbsolutePath());
        assertThat(report.output().reportPath()).isEqualTo(report.reportDir().toString());
        List<Path> files = files(report.reportDir());
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "TEST-" + MixedOutcomesFixture.class.getName() + ".xml",
                "TEST-" + BrokenSetupFixture.class.getName() + ".xml",
                "TEST-" + BrokenTeardownFixture.class.getName() + ".xml");
        for (Path file : files) {
            assertValid(file);
        }

        Element mixed = root(report.reportDir().resolve("TEST-" + MixedOutcomesFixture.class.getName() + ".xml"));
        assertThat(mixed.getAttribute("name")).isEqualTo(MixedOutcomesFixture.class.getName());
        assertThat(mixed.getAttribute("tests")).isEqualTo("7");
        assertThat(mixed.getAttribute("failures")).isEqualTo("2");
        assertThat(mixed.getAttribute("errors")).isEqualTo("1");
        assertThat(mixed.getAttribute("skipped")).isEqualTo("2");
        Element failed = testcase(mixed, "failsAnAssertion");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("Apple Corp.").contains("Apple Inc.");
        assertThat(failure.getAttribute("type")).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(failure.getTextContent()).as("stack trace").contains("at dev.stonks.inttest.tester.runner");
        Element error = (Element) testcase(mixed, "throwsAnError").getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("java.lang.IllegalStateException");
        assertThat(testcase(mixed, "parameterized[b]").getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(testcase(mixed, "parameterized[a]").getChildNodes().getLength()).as("a pass has no children")
                .isZero();
        assertThat(testcase(mixed, "isDisabled").getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(property(mixed, "inttest.run_id")).isEqualTo("r-xml");
        assertThat(property(mixed, "inttest.service.query-api")).isEqualTo("http://query-api.invalid");

        Element teardown = root(report.reportDir().resolve("TEST-" + BrokenTeardownFixture.class.getName() + ".xml"));
        assertThat(teardown.getAttribute("tests")).isEqualTo("2");
        assertThat(teardown.getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void theRunAsOneDocumentHoldsEverySuiteWithTheRunsTotals() throws Exception {
        // Given a run that keeps no files
        List<Class<?>> suites = List.of(MixedOutcomesFixture.class, BrokenSetupFixture.class,
                BrokenTeardownFixture.class);
        SuiteRunner runner = new SuiteRunner(vertx, new SuiteRunner.Settings(suites, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 4, null));
        SuiteRunReport report = runner.execute("r-doc", Map.of("query-api", "http://query-api.invalid"), 1, suites,
                null);

        // When
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(report.junitXml())).getDocumentElement();

        // Then
        assertThat(report.reportDir()).isNull();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("r-doc");
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(report.output().total()));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(report.output().failed()));
        assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(report.output().errors()));
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(report.output().skipped()));
        assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(report.output().total());
        NodeList nested = root.getElementsByTagName("testsuite");
        assertThat(nested.getLength()).isEqualTo(3);
        for (int i = 0; i < nested.getLength(); i++) {
            // each suite inside is what Surefire would write for it
            surefire.newValidator().validate(new javax.xml.transform.dom.DOMSource(nested.item(i)));
        }
        // suites run in parallel, so their order in the document is the order they finished in
        Element mixed = java.util.stream.IntStream.range(0, nested.getLength()).mapToObj(i -> (Element) nested.item(i))
                .filter(e -> e.getAttribute("name").equals(MixedOutcomesFixture.class.getName()))
                .findFirst().orElseThrow();
        assertThat(mixed.getAttribute("failures")).isEqualTo("2");
        assertThat(property(mixed, "inttest.run_id")).isEqualTo("r-doc");
        assertThat(testcase(mixed, "failsAnAssertion").getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void whatXmlCannotCarryIsReplacedAndAReRunReplacesThePreviousFiles() throws Exception {
        // Given a message with a NUL, an escape character and a lone surrogate, and a stale report
        Path dir = tmp.resolve("r-odd");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-stale.Suite.xml"), "<testsuite/>");
        TestOutcome odd = new TestOutcome("S.t", "x.S", "t", TestOutcome.Kind.FAILED,
                "bad \u0000 \u001b[31m red \ud800 <&>\" end", "java.lang.AssertionError", "trace\u0007", 0.25);

        // When
        List<Path> written = JUnitXmlReport.write(dir, List.of(odd), Map.of("k", "v\u0001"));

        // Then
        assertThat(files(dir)).containsExactlyElementsOf(written);
        assertValid(written.get(0));
        Element failure = (Element) root(written.get(0)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("bad \ufffd \ufffd[31m red \ufffd <&>\" end");
        assertThat(root(written.get(0)).getAttribute("time")).isEqualTo("0.250");
    }

    @Test
    void theSchemaRejectsAReportSurefireWouldNotWrite() throws Exception {
        // a testcase without its required time, and a testsuite attribute the schema does not have
        Path bad = tmp.resolve("TEST-bad.xml");
        Files.writeString(bad, "<testsuite name=\"x\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\""
                + " hostname=\"h\"><testcase name=\"t\"/></testsuite>");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertValid(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not valid against surefire-test-report.xsd");
    }

    private static void assertValid(Path file) throws IOException {
        Validator validator = surefire.newValidator();
        try {
            validator.validate(new StreamSource(file.toFile()));
        } catch (SAXParseException e) {
            throw new AssertionError(file.getFileName() + " is not valid against surefire-test-report.xsd: line "
                    + e.getLineNumber() + ": " + e.getMessage() + "\n" + Files.readString(file), e);
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static Path schemaFile() throws IOException {
        Path dir = Path.of(System.getProperty("surefire.xsd.dir", "target/surefire-xsd"));
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("surefire-test-report.xsd")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no surefire-test-report.xsd under " + dir
                            + " (the build unpacks it in generate-test-resources)"));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static Element root(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        return doc.getDocumentElement();
    }

    private static Element testcase(Element suite, String name) {
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                return c;
            }
            names.add(c.getAttribute("name"));
        }
        throw new AssertionError("no testcase " + name + " in " + names);
    }

    private static String property(Element suite, String name) {
        NodeList props = suite.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
