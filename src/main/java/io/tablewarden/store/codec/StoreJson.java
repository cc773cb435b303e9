package io.tablewarden.store.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapper of the store. Instants are ISO-8601 strings with their full precision so that a stored
 * scan reproduces its reports exactly; convenience methods such as {@code isOnDemand()} are not properties.
 */
public final class StoreJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(instants())
            .build();

    private StoreJson() {
    }

    /** The shared mapper (thread-safe once built). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Any value as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON text read as {@code type}. */
    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON text read as {@code type}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object with ordered keys (evidence keeps its display order). */
    public static Map<String, Object> readObject(String json) {
        return read(json, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
    }

    /** A JSON array of strings. */
    public static List<String> readStrings(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    private static SimpleModule instants() {
        SimpleModule module = new SimpleModule("instants");
        module.addSerializer(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return module;
    }
}
