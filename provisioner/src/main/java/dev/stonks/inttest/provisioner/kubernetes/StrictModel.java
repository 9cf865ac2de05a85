package dev.stonks.inttest.provisioner.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;

/**
 * fabric8's typed model with unknown fields rejected. fabric8's classes keep unknown fields in
 * {@code additionalProperties} (a {@code @JsonAnySetter}), so a misspelt {@code readinessProbe} would pass silently;
 * here the any-setters are switched off and Jackson fails on the first unknown field, naming its path.
 */
public final class StrictModel {
    private static final KubernetesSerialization STRICT = new KubernetesSerialization(strictMapper(), true);
    private static final KubernetesSerialization LENIENT = new KubernetesSerialization();

    private StrictModel() {
    }

    /** The typed object of {@code node}; fails when fabric8 has no class for its kind or a field is unknown. */
    public static HasMetadata parse(JsonNode node, String source) {
        String apiVersion = node.path("apiVersion").asText(null);
        String kind = node.path("kind").asText(null);
        if (apiVersion == null || kind == null) {
            throw new ManifestException(source + ": a document without apiVersion or kind");
        }
        Class<? extends KubernetesResource> type = typeOf(apiVersion, kind).orElseThrow(() -> new ManifestException(
                source + ": " + apiVersion + "/" + kind + " is not a kind of fabric8's typed model"));
        return parse(node, type.asSubclass(HasMetadata.class), source);
    }

    /** {@code node} as {@code type}, unknown fields rejected. */
    public static <T> T parse(JsonNode node, Class<T> type, String source) {
        try {
            return STRICT.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            String at = e.getCause() instanceof JsonMappingException m ? " at " + path(m) : "";
            throw new ManifestException(source + ": " + node.path("kind").asText() + " "
                    + node.path("metadata").path("name").asText() + at + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The class fabric8 has for a kind, if it has one (core, apps, batch, rbac, ...). */
    public static Optional<Class<? extends KubernetesResource>> typeOf(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = LENIENT.getRegisteredKubernetesResource(apiVersion, kind);
        return type == null || !HasMetadata.class.isAssignableFrom(type)
                || type == io.fabric8.kubernetes.api.model.GenericKubernetesResource.class
                        ? Optional.empty() : Optional.of(type);
    }

    /** YAML of an object, as fabric8 writes it. */
    public static String yaml(Object object) {
        return LENIENT.asYaml(object);
    }

    public static KubernetesSerialization lenient() {
        return LENIENT;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE;
            }
        });
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
