package io.tablewarden.engine.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the modelled parameters of a request as JSON under their AWS member names ({@code TableName},
 * {@code BackupPlanId}, ...). Only the model is read, never the HTTP request, so neither headers nor
 * signatures nor credentials can end up in the text; timestamps are epoch seconds as in the JSON protocols.
 */
final class RequestParameters {

    private static final JsonFactory JSON = new JsonFactory();

    private RequestParameters() {
    }

    /** The parameters that were set, e.g. {@code {"TableName":"orders"}}; {@code {}} when none were. */
    static String toJson(SdkPojo request) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            writePojo(out, request);
        } catch (IOException e) {
            // A StringWriter does not fail; this only satisfies the generator's signature.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writePojo(JsonGenerator out, SdkPojo pojo) throws IOException {
        out.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isSet(value)) {
                out.writeFieldName(field.memberName());
                writeValue(out, value);
            }
        }
        out.writeEndObject();
    }

    /** Lists and maps the caller never touched are SDK placeholders, not parameters. */
    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal) {
            out.writeNumber((BigDecimal) value);
        } else if (value instanceof Number) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Instant) {
            Instant t = (Instant) value;
            if (t.getNano() == 0) {
                out.writeNumber(t.getEpochSecond());
            } else {
                out.writeNumber(t.getEpochSecond() + t.getNano() / 1e9);
            }
        } else if (value instanceof SdkBytes) {
            out.writeBinary(((SdkBytes) value).asByteArrayUnsafe());
        } else if (value instanceof SdkPojo) {
            writePojo(out, (SdkPojo) value);
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object item : (List<?>) value) {
                writeValue(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                writeValue(out, e.getValue());
            }
            out.writeEndObject();
        } else {
            // Documents and anything newer: their text form is still better evidence than nothing.
            out.writeString(value.toString());
        }
    }
}
