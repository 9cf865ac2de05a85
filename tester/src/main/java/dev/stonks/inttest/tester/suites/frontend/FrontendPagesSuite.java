package dev.stonks.inttest.tester.suites.frontend;

import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The frontend data-dependency suite: one test per page of {@code frontend-pages.yaml}, named after the page
 * ({@code FrontendPagesSuite.page[Home]}). A page passes when every endpoint it calls answers 200 with every field it
 * renders, of the right type. Read-only.
 */
public class FrontendPagesSuite extends StonksSuite {

    @TestFactory
    Stream<DynamicTest> page() {
        return PageManifest.load().pages().stream()
                .map(page -> DynamicTest.dynamicTest(page.name(), () -> PageCheck.load(sandbox, page)));
    }
}
