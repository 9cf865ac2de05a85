package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksDistinctBindablePorts() {
        List<Integer> ports = FreePorts.pick(5);
        assertThat(ports).hasSize(5).doesNotHaveDuplicates().allMatch(p -> p > 0 && p < 65536);
        assertThat(ports).allMatch(FreePorts::isFree);
    }

    @Test
    void aBoundPortIsNotFree() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, 0));
            assertThat(FreePorts.isFree(socket.getLocalPort())).isFalse();
            assertThat(FreePorts.isListening(socket.getLocalPort())).isTrue();
            socket.close();
            assertThat(FreePorts.isFree(socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void aListeningPortIsListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, FreePorts.LOOPBACK)) {
            assertThat(FreePorts.isListening(socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void zeroMeansPickOne() {
        assertThat(FreePorts.orPick(0)).isPositive();
        assertThat(FreePorts.orPick(4321)).isEqualTo(4321);
        assertThatThrownBy(() -> FreePorts.orPick(70000)).isInstanceOf(IllegalArgumentException.class);
    }
}
