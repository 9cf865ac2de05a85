package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowSqlReaderTest {

    @Test
    void queryTextIsOneLineAndCut() {
        assertThat(SlowSqlReader.readable("SELECT a,\n       b\n  FROM t\n WHERE x = $1  ")).isEqualTo(
                "SELECT a, b FROM t WHERE x = $1");
        String longQuery = "SELECT " + "column_name, ".repeat(60) + "x FROM t";
        assertThat(SlowSqlReader.readable(longQuery)).hasSize(SlowSqlReader.MAX_QUERY_CHARS).endsWith("...");
        assertThat(SlowSqlReader.readable(null)).isEmpty();
    }
}
