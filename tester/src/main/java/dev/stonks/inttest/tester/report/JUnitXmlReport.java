package dev.stonks.inttest.tester.report;

import dev.stonks.inttest.tester.runner.SuiteTally;
import dev.stonks.inttest.tester.runner.TestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the outcomes of a suite run as JUnit XML in Maven Surefire's format: one {@code TEST-<suite class>.xml} per
 * suite class, each a {@code <testsuite>} valid against Surefire's {@code surefire-test-report.xsd} (the schema CI
 * servers read). Run-wide facts (run id, services, timestamp) go into {@code <properties>}, since the schema has no
 * attribute for them. Writing again into the same directory replaces the previous {@code TEST-*.xml} files (a
 * replayed stage keeps only its latest attempt).
 */
public final class JUnitXmlReport {
    /** The schema Surefire's reports declare. */
    public static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";
    /** The version of that schema the reports follow. */
    public static final String SCHEMA_VERSION = "3.0.2";
    public static final String FILE_PREFIX = "TEST-";

    private JUnitXmlReport() {
    }

    /**
     * Writes one file per suite class of {@code outcomes} into {@code dir} (created if needed).
     *
     * @param properties written into every file's {@code <properties>}, in order
     * @return the files written, in suite order
     */
    public static List<Path> write(Path dir, List<TestOutcome> outcomes, Map<String, String> properties) {
        try {
            Files.createDirectories(dir);
            removePrevious(dir);
            Map<String, List<TestOutcome>> bySuite = bySuite(outcomes);
            List<Path> files = new ArrayList<>();
            for (SuiteTally tally : SuiteTally.of(outcomes)) {
                Path file = dir.resolve(fileName(tally.suite()));
                Path tmp = Files.createTempFile(dir, ".TEST-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    writeSuite(out, tally, bySuite.get(tally.suite()), properties);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JUnit XML report into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code TEST-dev.stonks.inttest.tester.suites.api.CompaniesApiSuite.xml} */
    static String fileName(String suite) {
        return FILE_PREFIX + suite.replaceAll("[^A-Za-z0-9._$-]", "_") + ".xml";
    }

    private static void removePrevious(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, FILE_PREFIX + "*.xml")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The whole run as one JUnit XML document, the run's {@code junit.xml} in the artifact store: a
     * {@code <testsuites>} with the run's totals, holding one {@code <testsuite>} per suite class, each as in the
     * per-suite files (what CI servers and JUnit viewers read as one report).
     */
    public static byte[] document(List<TestOutcome> outcomes, Map<String, String> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            List<SuiteTally> tallies = SuiteTally.of(outcomes);
            String runId = properties.get("inttest.run_id");
            if (runId != null) {
                xml.writeAttribute("name", clean(runId));
            }
            xml.writeAttribute("time", seconds(tallies.stream().mapToDouble(SuiteTally::seconds).sum()));
            xml.writeAttribute("tests", Integer.toString(outcomes.size()));
            xml.writeAttribute("errors", Integer.toString(tallies.stream().mapToInt(SuiteTally::errors).sum()));
            xml.writeAttribute("skipped", Integer.toString(tallies.stream().mapToInt(SuiteTally::skipped).sum()));
            xml.writeAttribute("failures", Integer.toString(tallies.stream().mapToInt(SuiteTally::failed).sum()));
            Map<String, List<TestOutcome>> bySuite = bySuite(outcomes);
            for (SuiteTally tally : tallies) {
                xml.writeCharacters("\n  ");
                writeSuiteElement(xml, tally, bySuite.get(tally.suite()), properties, "  ", false);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML document: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Map<String, List<TestOutcome>> bySuite(List<TestOutcome> outcomes) {
        Map<String, List<TestOutcome>> bySuite = new LinkedHashMap<>();
        outcomes.forEach(o -> bySuite.computeIfAbsent(o.suite(), k -> new ArrayList<>()).add(o));
        return bySuite;
    }

    private static void writeSuite(OutputStream out, SuiteTally tally, List<TestOutcome> tests,
            Map<String, String> properties) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            writeSuiteElement(xml, tally, tests, properties, "", true);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One {@code <testsuite>}; {@code indent} is where it starts; the schema's attributes only in a file of its own. */
    private static void writeSuiteElement(XMLStreamWriter xml, SuiteTally tally, List<TestOutcome> tests,
            Map<String, String> properties, String indent, boolean schema) throws XMLStreamException {
        String inner = "\n" + indent + "  ";
        xml.writeStartElement("testsuite");
        if (schema) {
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation",
                    SCHEMA_LOCATION);
            xml.writeAttribute("version", SCHEMA_VERSION);
        }
        xml.writeAttribute("name", clean(tally.suite()));
        xml.writeAttribute("time", seconds(tally.seconds()));
        xml.writeAttribute("tests", Integer.toString(tally.total()));
        xml.writeAttribute("errors", Integer.toString(tally.errors()));
        xml.writeAttribute("skipped", Integer.toString(tally.skipped()));
        xml.writeAttribute("failures", Integer.toString(tally.failed()));
        xml.writeCharacters(inner);
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> p : properties.entrySet()) {
            xml.writeCharacters(inner + "  ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", clean(p.getKey()));
            xml.writeAttribute("value", clean(String.valueOf(p.getValue())));
        }
        xml.writeCharacters(inner);
        xml.writeEndElement();
        for (TestOutcome t : tests) {
            xml.writeCharacters(inner);
            writeCase(xml, t, inner);
        }
        xml.writeCharacters("\n" + indent);
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, TestOutcome t, String indent) throws XMLStreamException {
        String element = switch (t.kind()) {
            case PASSED -> null;
            case FAILED -> "failure";
            case ERROR -> "error";
            case SKIPPED -> "skipped";
        };
        if (element == null) {
            xml.writeEmptyElement("testcase");
            caseAttributes(xml, t);
            return;
        }
        xml.writeStartElement("testcase");
        caseAttributes(xml, t);
        xml.writeCharacters(indent + "  ");
        xml.writeStartElement(element);
        if (t.message() != null) {
            xml.writeAttribute("message", clean(t.message()));
        }
        if (t.exceptionType() != null && !element.equals("skipped")) {
            xml.writeAttribute("type", t.exceptionType());
        }
        if (t.stackTrace() != null && !element.equals("skipped")) {
            xml.writeCharacters(clean(t.stackTrace()));
        }
        xml.writeEndElement();
        xml.writeCharacters(indent);
        xml.writeEndElement();
    }

    private static void caseAttributes(XMLStreamWriter xml, TestOutcome t) throws XMLStreamException {
        xml.writeAttribute("name", clean(t.name()));
        xml.writeAttribute("classname", clean(t.suite()));
        xml.writeAttribute("time", seconds(t.seconds()));
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }

    /** Replaces what XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD. */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
