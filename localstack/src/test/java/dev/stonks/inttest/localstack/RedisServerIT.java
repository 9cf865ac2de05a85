package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerIT {

    @TempDir
    Path tmp;

    @Test
    void realRedisWithPasswordAnswersPingSetGetAndStops() throws Exception {
        long begin = System.nanoTime();
        RedisInstance redis = RedisServer.start(RedisConfig.of(tmp.resolve("redis")).withPassword("r3dis-pw"));
        try {
            System.out.printf("Redis started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            assertThat(ProcessControl.isAlive(redis.pid())).isTrue();
            try (RawRedis client = new RawRedis(redis.port())) {
                assertThat(client.send("PING")).startsWith("-NOAUTH");
                assertThat(client.send("AUTH wrong")).startsWith("-WRONGPASS");
                assertThat(client.send("AUTH r3dis-pw")).isEqualTo("+OK");
                assertThat(client.send("PING")).isEqualTo("+PONG");
                assertThat(client.send("SET stonks:price:ACME 101.5")).isEqualTo("+OK");
                assertThat(client.send("GET stonks:price:ACME")).isEqualTo("101.5");
                assertThat(client.send("GET missing")).isEqualTo("$-1");
                assertThat(client.send("DBSIZE")).isEqualTo(":1");
            }
            assertThat(tmp.resolve("redis/redis.conf")).content().contains("requirepass");
        } finally {
            assertThat(RedisServer.stop(redis.pid())).isTrue();
        }
        assertThat(ProcessControl.isAlive(redis.pid())).isFalse();
        assertThat(FreePorts.isFree(redis.port())).isTrue();
        assertThat(tmp.resolve("redis/dump.rdb")).doesNotExist();
    }

    @Test
    void withoutPasswordAndOnAGivenPort() throws Exception {
        int port = FreePorts.pick();
        RedisInstance redis = RedisServer.start(RedisConfig.of(tmp.resolve("plain")).withPort(port));
        try (RawRedis client = new RawRedis(port)) {
            assertThat(redis.port()).isEqualTo(port);
            assertThat(client.send("PING")).isEqualTo("+PONG");
        } finally {
            RedisServer.stop(redis.pid());
        }
        assertThat(FreePorts.isFree(port)).isTrue();
    }
}
