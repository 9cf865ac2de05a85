package dev.stonks.inttest.promoter.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The promoter's durable state: one ConfigMap in its own namespace, one key per kind of state (the break-glass, the
 * promotion chains). Each write is a JSON merge patch of its key alone, so writers of different keys do not overwrite
 * each other; the ConfigMap is created on the first write.
 */
public class StateConfigMap implements StateStore {
    private static final Logger LOG = Logger.getLogger(StateConfigMap.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    public StateConfigMap(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    /** The value of {@code key}, if the ConfigMap and the key exist. */
    @Override
    public Optional<String> read(String key) {
        ConfigMap cm = resource().get();
        return Optional.ofNullable(cm == null || cm.getData() == null ? null : cm.getData().get(key));
    }

    @Override
    public synchronized void write(String key, String value) {
        patch(key, value);
    }

    @Override
    public synchronized void remove(String key) {
        patch(key, null);
    }

    @Override
    public String describe() {
        return "ConfigMap " + namespace + "/" + name;
    }

    private void patch(String key, String value) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("data").put(key, value);
        try {
            resource().patch(PatchContext.of(PatchType.JSON_MERGE), body.toString());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            if (value == null) {
                return;
            }
            create(key, value);
        }
    }

    private void create(String key, String value) {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(Map.of("app.kubernetes.io/name", "inttest-promoter",
                        "app.kubernetes.io/instance", "inttest",
                        "app.kubernetes.io/component", "promoter-state",
                        "app.kubernetes.io/part-of", "inttest",
                        "app.kubernetes.io/managed-by", "inttest-promoter"))
                .endMetadata().addToData(key, value).build();
        try {
            client.configMaps().inNamespace(namespace).resource(cm).create();
            LOG.infof("created the state %s", describe());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            patch(key, value); // created meanwhile: patch it
        }
    }

    private Resource<ConfigMap> resource() {
        return client.configMaps().inNamespace(namespace).withName(name);
    }
}
