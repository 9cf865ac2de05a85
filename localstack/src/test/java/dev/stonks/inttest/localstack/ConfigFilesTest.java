package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

/** The configuration each component is started with. */
class ConfigFilesTest {

    @Test
    void kafkaIsASingleLoopbackNodeWithReplicationOneAndNoAutoCreate() {
        String props = KafkaBroker.serverProperties(9092, 9093, Path.of("/d/data"));
        assertThat(props).contains(
                "process.roles=broker,controller",
                "controller.quorum.voters=1@127.0.0.1:9093",
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:9092",
                "log.dirs=/d/data",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "min.insync.replicas=1");
        assertThat(KafkaBroker.LOG4J2_PROPERTIES).contains("rootLogger.level = INFO");
    }

    @Test
    void extraBrokerPropertiesComeAfterTheDefaultsSoTheyWin() {
        String props = KafkaBroker.serverProperties(9092, 9093, Path.of("/d/data"),
                java.util.Map.of("log.retention.hours", "336", "num.partitions", "3"));
        assertThat(props).endsWith("log.retention.hours=336\nnum.partitions=3\n");
        assertThat(props.indexOf("num.partitions=1")).isLessThan(props.indexOf("num.partitions=3"));
    }

    @Test
    void redisConfQuotesValuesAndDisablesPersistence() {
        String conf = RedisServer.redisConf(Path.of("/tmp/a b"), 6400, "p\"w\\1");
        assertThat(conf).contains("bind 127.0.0.1\n", "port 6400\n", "dir \"/tmp/a b\"\n", "save \"\"\n",
                "appendonly no\n", "requirepass \"p\\\"w\\\\1\"\n");
        assertThat(RedisServer.redisConf(Path.of("/x"), 1, null)).doesNotContain("requirepass");
    }

    @Test
    void s3proxyUsesTheFilesystemBackendAndTheCallersKeys() {
        var props = S3Server.properties(URI.create("http://127.0.0.1:9000"), Path.of("/s3/data"),
                S3Config.of(Path.of("/s3"), "AK", "SK"));
        assertThat(props).containsEntry("s3proxy.endpoint", "http://127.0.0.1:9000")
                .containsEntry("jclouds.provider", "filesystem-nio2")
                .containsEntry("jclouds.filesystem.basedir", "/s3/data")
                .containsEntry("jclouds.identity", "AK").containsEntry("jclouds.credential", "SK")
                .containsEntry("s3proxy.identity", "AK").containsEntry("s3proxy.credential", "SK");
        assertThat(S3Server.LOGBACK_XML).contains("<root level=\"WARN\">");
    }

    @Test
    void postgresIdentifiersAreQuoted() {
        assertThat(PostgresServer.quoteIdentifier("stonks")).isEqualTo("\"stonks\"");
        assertThat(PostgresServer.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(PostgresServer.quoteLiteral("it's \\ fine")).isEqualTo("'it''s \\ fine'");
    }

    @Test
    void configsRejectNonsense() {
        assertThatThrownBy(() -> PostgresConfig.of(Path.of("/x"), "u", "", "db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresConfig.of(Path.of("/x"), "u", "pw\n", "db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisConfig(Path.of("/x"), -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Config.of(Path.of("/x"), "", "sk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tarModesBecomePosixPermissions() {
        assertThat(PosixFilePermissions.toString(PostgresBinaries.permissions(0755))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(PostgresBinaries.permissions(0640))).isEqualTo("rw-r-----");
    }

    @Test
    void jdbcUrlPointsToLoopback() {
        var instance = new PostgresInstance(1, 5433, "stonks", "u", "secret-pw", Path.of("/d"), Path.of("/l"), true);
        assertThat(instance.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/stonks");
        assertThat(instance.toString()).doesNotContain("secret-pw");
    }
}
