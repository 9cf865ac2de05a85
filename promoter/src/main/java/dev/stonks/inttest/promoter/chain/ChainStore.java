package dev.stonks.inttest.promoter.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.promoter.state.StateStore;
import java.util.Collection;
import java.util.List;

/** The chains, in flight and recently finished, as one JSON array under the state's key {@value #KEY}. */
public class ChainStore {
    public static final String KEY = "chains.json";
    private static final TypeReference<List<Chain>> CHAINS = new TypeReference<>() {
    };

    private final StateStore state;

    public ChainStore(StateStore state) {
        this.state = state;
    }

    public List<Chain> load() {
        return state.read(KEY).map(json -> {
            try {
                return Json.MAPPER.readValue(json, CHAINS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the promotion chains in " + state.describe() + " (key " + KEY
                        + ") are unreadable: " + e.getOriginalMessage(), e);
            }
        }).orElse(List.of());
    }

    public void save(Collection<Chain> chains) {
        try {
            state.write(KEY, Json.MAPPER.writeValueAsString(chains));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the promotion chains", e);
        }
    }
}
