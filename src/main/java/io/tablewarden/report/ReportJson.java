package io.tablewarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Jackson set-up and small building blocks shared by the JSON writers. */
final class ReportJson {

    /** Writers build trees by hand so that the field names are visible in one place per format. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportJson() {
    }

    static void write(JsonNode node, OutputStream out) throws IOException {
        MAPPER.writeValue(out, node);
        out.write('\n');
        out.flush();
    }

    /**
     * A generator on {@code out} that writes as {@link #write} does (indented, the stream left open), for a
     * document written piece by piece: a large report's findings are each built, written and dropped, so the
     * whole document is never held in memory. End it with {@link #finish}.
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.writer().createGenerator(out);
    }

    /** Writes one node where {@code gen} stands, without flushing the stream after it. */
    static void writeNode(JsonGenerator gen, JsonNode node) throws IOException {
        PIECE.writeValue(gen, node);
    }

    /** Ends a document written with {@link #generator}: the last bytes, then a line end as {@link #write} has. */
    static void finish(JsonGenerator gen, OutputStream out) throws IOException {
        gen.close();
        out.write('\n');
        out.flush();
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter PIECE = MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** The region errors of a report: one object per error, as the native JSON report carries them. */
    static ArrayNode regionErrors(List<RegionError> errors) {
        ArrayNode array = MAPPER.createArrayNode();
        for (RegionError e : errors) {
            ObjectNode node = array.addObject();
            node.put("region", e.region());
            node.put("listing", e.listed());
            node.put("call", e.call());
            node.put("errorCode", e.error().errorCode());
            node.put("kind", e.error().kind().name());
            node.put("itemsRead", e.itemsRead());
            node.put("message", e.message());
        }
        return array;
    }

    /** The stats object shared by {@code --stats} and the native JSON report. */
    static ObjectNode stats(ScanStats stats, Map<Status, Long> resultCounts) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode calls = node.putObject("apiCalls");
        calls.put("total", stats == null ? 0 : stats.apiCalls());
        ObjectNode byOperation = calls.putObject("byOperation");
        if (stats != null && stats.apiCallsByOperation() != null) {
            new TreeMap<>(stats.apiCallsByOperation()).forEach(byOperation::put);
        }
        node.put("retries", stats == null ? 0 : stats.retries());
        node.put("throttled", stats == null ? 0 : stats.throttled());
        node.put("wallMillis", stats == null ? 0 : stats.wallMillis());
        node.put("maxConcurrency", stats == null ? 0 : stats.maxConcurrency());
        node.put("configuredConcurrency", stats == null ? 0 : stats.configuredConcurrency());
        node.put("regions", stats == null ? 0 : stats.regions());
        node.put("resources", stats == null ? 0 : stats.resources());
        ObjectNode results = node.putObject("results");
        for (Status status : Status.values()) {
            results.put(status.name(), resultCounts.getOrDefault(status, 0L));
        }
        return node;
    }
}
