package io.tablewarden.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads, validates and indexes an account fixture; either the whole fixture loads or a {@link FixtureException} is thrown. */
final class FixtureLoader {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FixtureLoader() {
    }

    static Fixture load(Path file, boolean shiftRecoveryPoints, Instant now) throws IOException, FixtureException {
        return load(file, shiftRecoveryPoints, now, false);
    }

    static Fixture load(Path file, boolean shiftRecoveryPoints, Instant now, boolean allowInvalidNames)
            throws IOException, FixtureException {
        return parse(Files.readString(file), shiftRecoveryPoints, now, allowInvalidNames);
    }

    static Fixture parse(String json, boolean shiftRecoveryPoints, Instant now) throws FixtureException {
        return parse(json, shiftRecoveryPoints, now, false);
    }

    /** @param allowInvalidNames accept names AWS would reject (tests of hostile endpoints only) */
    static Fixture parse(String json, boolean shiftRecoveryPoints, Instant now, boolean allowInvalidNames)
            throws FixtureException {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FixtureException("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new FixtureException("$", "empty document");
        }
        FixtureValidator.validate(root, allowInvalidNames);
        IdentityFixture identities = IdentityFixture.parse(root.get("identities"));
        if (shiftRecoveryPoints) {
            shiftRecoveryPoints(root, now);
        }
        return build(root, identities);
    }

    private static Fixture build(JsonNode root, IdentityFixture identities) {
        String account = root.get("account").asText();
        String partition = root.path("partition").asText("aws");
        String callerArn = root.path("callerArn").isTextual()
                ? root.get("callerArn").asText()
                : "arn:" + partition + ":iam::" + account + ":root";
        Set<String> enabled = new LinkedHashSet<>();
        root.get("enabledRegions").forEach(r -> enabled.add(r.asText()));
        Map<String, RegionData> regions = new HashMap<>();
        root.path("regions").properties().forEach(e -> regions.put(e.getKey(), RegionData.from(e.getKey(), e.getValue())));
        return new Fixture(account, partition, callerArn, enabled, regions, faults(root.path("faults")),
                identities);
    }

    static FaultSettings faults(JsonNode f) {
        if (!f.isObject()) {
            return FaultSettings.NONE;
        }
        List<FaultSettings.AccessRule> rules = new ArrayList<>();
        for (JsonNode rule : f.path("accessDenied")) {
            rules.add(new FaultSettings.AccessRule(rule.get("action").asText(), optionalText(rule, "resource"),
                    optionalText(rule, "region")));
        }
        Set<String> repeatPageTokens = new LinkedHashSet<>();
        f.path("repeatPageTokens").forEach(op -> repeatPageTokens.add(op.asText()));
        return new FaultSettings(f.path("latencyMs").asLong(0), f.path("latencyJitterMs").asLong(0),
                f.path("throttleRate").asDouble(0.0), f.path("serverErrorRate").asDouble(0.0),
                f.path("seed").asLong(0), rules, f.path("maxInFlight").asInt(0), repeatPageTokens);
    }

    /**
     * Moves every recovery point by one common delta so the newest lands one hour before {@code now}: the relative
     * ages stay as written, while "recent backup" examples in a static file stay recent whenever it is served.
     */
    private static void shiftRecoveryPoints(JsonNode root, Instant now) {
        List<ObjectNode> points = new ArrayList<>();
        root.path("regions").forEach(r -> r.path("backup").path("RecoveryPoints").forEach(p -> points.add((ObjectNode) p)));
        double newest = Double.NEGATIVE_INFINITY;
        for (ObjectNode p : points) {
            if (p.path("CreationDate").isNumber()) {
                newest = Math.max(newest, p.get("CreationDate").asDouble());
            }
        }
        if (newest == Double.NEGATIVE_INFINITY) {
            return;
        }
        long delta = (now.getEpochSecond() - 3600) - (long) Math.floor(newest);
        for (ObjectNode p : points) {
            for (String f : new String[] {"CreationDate", "CompletionDate"}) {
                JsonNode v = p.path(f);
                if (v.isIntegralNumber()) {
                    p.put(f, v.asLong() + delta);
                } else if (v.isNumber()) {
                    p.put(f, v.asDouble() + delta);
                }
            }
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
