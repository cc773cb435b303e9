package io.tablewarden.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The JSON form of profiles and parsed files, shared by {@code profiles list --format json} and the tests. */
public final class ProfileJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileJson() {
    }

    /** One profile; secrets are already masked in the summary. */
    public static ObjectNode summary(ProfileSummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", s.name());
        node.put("kind", s.kind().label());
        if (s.reason() != null) {
            node.put("reason", s.reason());
        }
        node.put("current", s.current());
        ArrayNode sources = node.putArray("sources");
        s.sources().forEach(t -> sources.add(t.label()));
        putIfSet(node, "region", s.region());
        putIfSet(node, "output", s.output());
        putIfSet(node, "endpointUrl", s.endpointUrl());
        putIfSet(node, "roleArn", s.roleArn());
        if (!s.chain().isEmpty()) {
            ArrayNode chain = node.putArray("chain");
            s.chain().forEach(chain::add);
        }
        putIfSet(node, "ssoSession", s.ssoSession());
        putIfSet(node, "ssoStartUrl", s.ssoStartUrl());
        putIfSet(node, "ssoRegion", s.ssoRegion());
        putIfSet(node, "ssoAccountId", s.ssoAccountId());
        putIfSet(node, "ssoRoleName", s.ssoRoleName());
        putIfSet(node, "accessKeyId", s.accessKeyId());
        if (s.sessionToken()) {
            node.put("sessionToken", true);
        }
        node.set("properties", properties(s.properties()));
        return node;
    }

    /** The whole catalog: current profile, profiles, sessions, services sections and unreadable files. */
    public static ObjectNode catalog(ProfileCatalog catalog) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("currentProfile", catalog.currentProfile());
        ArrayNode profiles = root.putArray("profiles");
        catalog.summaries().forEach(s -> profiles.add(summary(s)));
        ObjectNode sessions = root.putObject("ssoSessions");
        catalog.ssoSessionNames().forEach(n -> sessions.set(n, properties(catalog.ssoSession(n).orElse(Map.of()))));
        ObjectNode services = root.putObject("services");
        catalog.servicesNames().forEach(n -> services.set(n, properties(catalog.services(n).orElse(Map.of()))));
        ArrayNode errors = root.putArray("errors");
        for (ConfigReadError e : catalog.errors()) {
            ObjectNode error = errors.addObject();
            error.put("file", e.file());
            error.put("line", e.line());
            error.put("reason", e.reason());
        }
        return root;
    }

    /** Every section of a document as the tools read it, secrets masked. */
    public static ArrayNode sections(ConfigDocument doc) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ConfigSection s : doc.sections()) {
            ObjectNode node = array.addObject();
            node.put("line", s.headerLine() + 1);
            node.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            node.put("name", s.name());
            ObjectNode props = node.putObject("properties");
            for (ConfigProperty p : s.properties()) {
                if (!p.ignored()) {
                    props.put(p.key(), ProfileSummary.masked(Map.of(p.key(), p.value())).get(p.key()));
                }
            }
        }
        return array;
    }

    private static ObjectNode properties(Map<String, String> properties) {
        ObjectNode node = MAPPER.createObjectNode();
        ProfileSummary.masked(properties).forEach(node::put);
        return node;
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
