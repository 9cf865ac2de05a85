package dev.stonks.inttest.promoter.state;

import java.util.Optional;

/**
 * The promoter's durable state, one value per key (the break-glass, the promotion chains): the state ConfigMap in a
 * cluster ({@link StateConfigMap}), a file without one ({@link StateFile}).
 */
public interface StateStore {
    /** The value of {@code key}, if there is one. */
    Optional<String> read(String key);

    void write(String key, String value);

    void remove(String key);

    /** Where the state is, for messages. */
    String describe();
}
