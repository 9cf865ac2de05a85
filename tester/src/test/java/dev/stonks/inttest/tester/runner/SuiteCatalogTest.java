package dev.stonks.inttest.tester.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.tester.suites.StonksSuite;
import dev.stonks.inttest.tester.suites.api.CompaniesApiSuite;
import dev.stonks.inttest.tester.suites.api.TrendsApiSuite;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteCatalogTest {

    @Test
    void resolvesGroupsAndClassNamesInOrderWithoutDuplicates() {
        List<Class<?>> suites = SuiteCatalog.resolve(List.of(TrendsApiSuite.class.getName(), " api ",
                CompaniesApiSuite.class.getName()));

        assertThat(suites.get(0)).isEqualTo(TrendsApiSuite.class);
        assertThat(suites).doesNotHaveDuplicates().containsAll(SuiteCatalog.GROUPS.get("api"));
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownGroups() {
        assertThatThrownBy(() -> SuiteCatalog.resolve(List.of("api", "frontend-x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frontend-x")
                .hasMessageContaining("[api, api-first-cut, frontend]");
        assertThatThrownBy(() -> SuiteCatalog.resolve(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void suitesAreNeverPickedUpAsTheBuildsOwnTests() {
        // surefire's and failsafe's default includes; the suites also live in src/main, which neither scans
        String buildTest = "(Test.*|.*Test|.*Tests|.*TestCase|IT.*|.*IT|.*ITCase)";
        assertThat(SuiteCatalog.all()).isNotEmpty().allSatisfy(suite -> {
            assertThat(suite.getSimpleName()).endsWith("Suite").doesNotMatch(buildTest);
            assertThat(Modifier.isPublic(suite.getModifiers())).as("%s is public", suite).isTrue();
            assertThat(StonksSuite.class).isAssignableFrom(suite);
        });
    }
}
