package dev.stonks.inttest.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"stonks-inttest-1", "stonks-inttest-abc-123", "stonks-inttest-1705312800"})
    void acceptsPipelineNamespaces(String ns) {
        assertThatCode(() -> Names.requireNamespace(ns)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kube-system", "Bad_Name", "stonks-inttest-", "stonks-inttest-UPPER", "stonks-inttest-a.b",
        "stonks-inttest-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""})
    void rejectsOtherNamespaces(String ns) {
        assertThatThrownBy(() -> Names.requireNamespace(ns)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "abc123", "v1.2.3", "_x", "0a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f", "a-b_c.d"})
    void acceptsOciTags(String tag) {
        assertThatCode(() -> Names.requireImageTag(tag)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "$(x)", ".hidden", "-dash", "tag/with/slash", "x;rm", ""})
    void rejectsInvalidTags(String tag) {
        assertThatThrownBy(() -> Names.requireImageTag(tag)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void tagLengthLimitIs128() {
        assertThatCode(() -> Names.requireImageTag("a".repeat(128))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Names.requireImageTag("a".repeat(129))).hasMessageContaining("not a valid OCI tag");
    }

    @org.junit.jupiter.api.Test
    void namespaceLengthLimitIs63() {
        String ns63 = "stonks-inttest-" + "a".repeat(48);
        assertThatCode(() -> Names.requireNamespace(ns63)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Names.requireNamespace(ns63 + "a")).hasMessageContaining("longer than 63");
    }
}
