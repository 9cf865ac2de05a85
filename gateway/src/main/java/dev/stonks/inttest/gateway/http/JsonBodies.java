package dev.stonks.inttest.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stonks.inttest.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly (snake_case fields; an unknown field, a fraction for an integer or a string for a
 * boolean is an error), turning every failure into a 400 that names the field.
 */
public final class JsonBodies {
    private static final ObjectMapper STRICT = strict();

    private JsonBodies() {
    }

    /**
     * No coercion between JSON types: {@code "image_tag": 1} or {@code "scale": "2"} is a wrong type, not a value
     * (found by GatewayHostileInputIT: the number 1 had been taken as the tag "1").
     */
    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.MAPPER.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** {@code body} as a {@code type}; an empty body is {@code empty} (pass null when a body is required). */
    public static <T> T read(byte[] body, Class<T> type, T empty) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            if (empty == null) {
                throw GatewayException.invalid("a JSON object is required as the request body");
            }
            return empty;
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw GatewayException.invalid("the request body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw GatewayException.invalidField(e.getPropertyName(), "unknown field '" + e.getPropertyName()
                    + "'; known fields: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
            if (field == null) {
                throw GatewayException.invalid("the request body is not a JSON object: " + e.getOriginalMessage());
            }
            throw GatewayException.invalidField(field, "field '" + field + "' has the wrong type: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw GatewayException.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw GatewayException.invalid("cannot read the request body: " + e.getMessage());
        }
    }
}
