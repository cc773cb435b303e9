package io.tablewarden.engine.metadata;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.remediation.HostileStrings;
import io.tablewarden.engine.remediation.RemediationRenderer;
import io.tablewarden.engine.remediation.SnippetFormat;
import io.tablewarden.engine.remediation.VisibleText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real remediation snippet, filled with random hostile values for all of its tokens (names, ARNs, region,
 * account and partition alike), keeps its meaning: the value is data in the place of the token and nothing else.
 *
 * <p>Each snippet is filled three times: with plain markers ({@code A}), with markers that the snippet's own
 * run-time transformations would change ({@code B}: a dot, a slash, more than 50 characters), and with hostile
 * values. The CLI is run by bash with {@code aws} replaced by a function that records its arguments: the hostile
 * run makes the same calls with the same number of arguments, every argument that carries a value unchanged in run
 * B carries exactly the hostile value in the hostile run, JSON documents keep their members, and no command in a
 * value runs. The CloudFormation fragment parses to the same tree as run A with the values in place of the
 * markers; the Terraform fragment passes the strict HCL reader and, where hcl4j can read the value, parses to the
 * same tree. Every filled snippet has as many lines as its template.
 */
class HostileSnippetTest {

    private static final int SAMPLES = 12;
    private static final String STUB = """
            aws() {
              { printf '%s\\0' "$#"; printf '%s\\0' "$@"; } >> "$TW_ARGV"
              case "$2" in
                describe-key) echo PendingDeletion ;;
                describe-subnet-groups) echo zone-b ;;
                *) echo v1 ;;
              esac
            }
            """;

    @TempDir
    Path dir;

    static Stream<String> checkIds() {
        return CheckCatalog.variantIds().stream();
    }

    private static Map<String, String> markers(String checkId, String style) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        for (String token : CheckCatalog.allowedTokens(checkId)) {
            String plain = "tw" + i++ + "mark";
            String value = style.equals("A") ? plain
                    : plain + ".with/a-tail-that-is-longer-than-fifty-characters-" + "x".repeat(20);
            // A list token holds one item of its shape, so that each filling makes the same calls.
            out.put(token, LIST_TOKENS.contains(token) ? value + "|" + value + "ReadCapacityUnits" : value);
        }
        return out;
    }

    /**
     * Tokens that carry a list the snippet splits ({@code resource id|dimension} items joined by commas). The check
     * fills them only from names in AWS's grammar (otherwise it names no cause), so their samples are such lists.
     */
    private static final java.util.Set<String> LIST_TOKENS = java.util.Set.of("unregistered_dimensions",
            "unpolicied_dimensions", "suspended_dimensions");

    private static String listSample(Random random) {
        String chars = "ABCXYZabcxyz0189_.-";
        StringBuilder name = new StringBuilder();
        for (int c = 3 + random.nextInt(10); c > 0; c--) {
            name.append(chars.charAt(random.nextInt(chars.length())));
        }
        // The snippet derives the metric from the dimension; the markers' dimension is a read one too.
        return "table/" + name + (random.nextBoolean() ? "/index/" + name + "|dynamodb:index" : "|dynamodb:table")
                + ":ReadCapacityUnits";
    }

    private static List<Map<String, String>> hostileSamples(String checkId) {
        Random random = new Random(checkId.hashCode());
        List<Map<String, String>> out = new ArrayList<>();
        for (int s = 0; s < SAMPLES; s++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String token : CheckCatalog.allowedTokens(checkId)) {
                values.put(token, LIST_TOKENS.contains(token) ? listSample(random) : HostileStrings.nextWithoutNul(random));
            }
            out.add(values);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void cliKeepsEveryValueAsOneArgumentAndRunsNothing(String checkId) throws Exception {
        String template = CheckCatalog.load(checkId).remediation().cli();
        List<Map<String, String>> samples = hostileSamples(checkId);
        List<List<List<String>>> a = run(template, List.of(markers(checkId, "A")));
        List<List<List<String>>> b = run(template, List.of(markers(checkId, "B")));
        List<List<List<String>>> hostile = run(template, samples);
        assertFalse(Files.exists(dir.resolve(HostileStrings.MARKER)), checkId + ": a value ran a command");
        assertEquals(samples.size(), hostile.size(), checkId + ": a sample did not finish");
        assertFalse(a.get(0).isEmpty(), checkId + ": the snippet calls aws");
        ObjectMapper json = new ObjectMapper();
        for (int s = 0; s < samples.size(); s++) {
            Map<String, String> values = samples.get(s);
            String where = checkId + " with " + describe(values);
            assertEquals(template.split("\n", -1).length,
                    RemediationRenderer.fill(template, values, SnippetFormat.SHELL).split("\n", -1).length, where);
            List<List<String>> calls = hostile.get(s);
            assertEquals(a.get(0).size(), calls.size(), where + ": calls made");
            for (int c = 0; c < calls.size(); c++) {
                List<String> markedA = a.get(0).get(c);
                List<String> markedB = b.get(0).get(c);
                List<String> args = detached(calls.get(c));
                assertEquals(markedA.size(), args.size(), where + ": arguments of " + markedA);
                for (int i = 0; i < args.size(); i++) {
                    String expected = replace(markedA.get(i), markers(checkId, "A"), values);
                    if (markedA.get(i).startsWith("{") || markedA.get(i).startsWith("[{")) {
                        assertSameJson(json.readTree(markedA.get(i)), json.readTree(markedB.get(i)),
                                json.readTree(args.get(i)), markers(checkId, "A"), markers(checkId, "B"), values, where);
                    } else if (direct(markedB.get(i), markers(checkId, "B"))) {
                        assertEquals(expected, args.get(i), where + ": argument " + i + " of " + markedA);
                    }
                }
            }
        }
    }

    /**
     * The arguments with each {@code --option=-value} split in two: a value starting with '-' is attached to its
     * option so the CLI does not read it as an option of its own; it is still exactly the value.
     */
    private static List<String> detached(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(--[a-z0-9-]+)=(-.*)", java.util.regex.Pattern.DOTALL)
                    .matcher(arg);
            if (m.matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    /** True when no marker in {@code arg} was changed by the snippet (no transformed marker is present). */
    private static boolean direct(String arg, Map<String, String> markersB) {
        for (String marker : markersB.values()) {
            String stem = marker.substring(0, marker.indexOf('.'));
            if (arg.contains(stem) && !arg.contains(marker)) {
                return false;
            }
        }
        return true;
    }

    private static void assertSameJson(JsonNode a, JsonNode b, JsonNode hostile, Map<String, String> markersA,
                                       Map<String, String> markersB, Map<String, String> values, String where) {
        assertEquals(a.getNodeType(), hostile.getNodeType(), where);
        if (a.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            List<String> hostileNames = new ArrayList<>();
            hostile.fieldNames().forEachRemaining(hostileNames::add);
            assertEquals(names, hostileNames, where + ": JSON members");
            for (String name : names) {
                assertSameJson(a.get(name), b.get(name), hostile.get(name), markersA, markersB, values, where);
            }
        } else if (a.isArray()) {
            assertEquals(a.size(), hostile.size(), where + ": JSON array");
            for (int i = 0; i < a.size(); i++) {
                assertSameJson(a.get(i), b.get(i), hostile.get(i), markersA, markersB, values, where);
            }
        } else if (direct(b.asText(), markersB)) {
            assertEquals(replace(a.asText(), markersA, values), hostile.asText(), where);
        }
    }

    /** Runs each filling of {@code template} in its own subshell; per filling, the recorded aws calls. */
    private List<List<List<String>>> run(String template, List<Map<String, String>> fillings) throws Exception {
        StringBuilder script = new StringBuilder(STUB);
        for (Map<String, String> values : fillings) {
            script.append("printf '%s\\0' -1 >> \"$TW_ARGV\"\n(\n")
                    .append(RemediationRenderer.fill(template, values, SnippetFormat.SHELL)).append("\n) > /dev/null\n");
        }
        Path file = dir.resolve("snippet.sh");
        Path argv = dir.resolve("argv");
        Files.deleteIfExists(argv);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(dir.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("TW_ARGV", argv.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
        List<String> fields = new ArrayList<>();
        byte[] out = Files.exists(argv) ? Files.readAllBytes(argv) : new byte[0];
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                fields.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        List<List<List<String>>> runs = new ArrayList<>();
        for (int i = 0; i < fields.size(); ) {
            int count = Integer.parseInt(fields.get(i++));
            if (count < 0) {
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(new ArrayList<>(fields.subList(i, i + count)));
                i += count;
            }
        }
        return runs;
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void cloudFormationKeepsEveryValueAsOneScalar(String checkId) {
        String template = CheckCatalog.load(checkId).remediation().cloudFormation();
        Map<String, String> a = markers(checkId, "A");
        Object marked = CloudFormationYaml.parse(RemediationRenderer.fill(template, a, SnippetFormat.YAML));
        for (Map<String, String> values : hostileSamplesWithNul(checkId)) {
            String filled = RemediationRenderer.fill(template, values, SnippetFormat.YAML);
            String where = checkId + " with " + describe(values);
            assertEquals(template.split("\n", -1).length, filled.split("\n", -1).length, where);
            Object parsed;
            try {
                parsed = CloudFormationYaml.parse(filled);
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": " + e.getMessage() + "\n" + filled, e);
            }
            assertEquals(replaceAll(marked, a, values), parsed, where);
        }
    }

    @ParameterizedTest
    @MethodSource("checkIds")
    void terraformKeepsEveryValueInsideItsString(String checkId) throws Exception {
        String template = CheckCatalog.load(checkId).remediation().terraform();
        Map<String, String> a = markers(checkId, "A");
        Map<String, String> b = markers(checkId, "B");
        Map<String, Object> marked = hcl(RemediationRenderer.fill(template, a, SnippetFormat.HCL));
        Map<String, Object> markedB = hcl(RemediationRenderer.fill(template, b, SnippetFormat.HCL));
        for (Map<String, String> values : hostileSamplesWithNul(checkId)) {
            String where = checkId + " with " + describe(values);
            String filled = RemediationRenderer.fill(template, values, SnippetFormat.HCL);
            assertEquals(template.split("\n", -1).length, filled.split("\n", -1).length, where);
            HclStructure.parse(filled);
            // hcl4j reads no backslash-u escape, misreads "$$${" and cuts a string at a "$" before a backslash
            // escape ("$\n"): it checks the values it can read (HclStructure above reads them all)
            Map<String, String> readable = new LinkedHashMap<>();
            values.forEach((k, v) -> readable.put(k, VisibleText.wellFormed(v).codePoints()
                    .map(c -> VisibleText.isHidden(c) && c != '\n' && c != '\r' && c != '\t' ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                    .replaceAll("[$%]+\\{", "{").replaceAll("\\$(?=[\\n\\r\\t\\\\\"])", "S")));
            Map<String, Object> parsed = hcl(RemediationRenderer.fill(template, readable, SnippetFormat.HCL));
            assertHclEqual(marked, markedB, parsed, a, b, readable, where);
        }
    }

    private static void assertHclEqual(Object a, Object b, Object hostile, Map<String, String> markersA,
                                       Map<String, String> markersB, Map<String, String> values, String where) {
        if (a instanceof Map) {
            assertTrue(hostile instanceof Map, where);
            assertEquals(((Map<?, ?>) a).keySet(), ((Map<?, ?>) hostile).keySet(), where);
            for (Object key : ((Map<?, ?>) a).keySet()) {
                assertHclEqual(((Map<?, ?>) a).get(key), ((Map<?, ?>) b).get(key), ((Map<?, ?>) hostile).get(key),
                        markersA, markersB, values, where);
            }
        } else if (a instanceof List) {
            assertEquals(((List<?>) a).size(), ((List<?>) hostile).size(), where);
            for (int i = 0; i < ((List<?>) a).size(); i++) {
                assertHclEqual(((List<?>) a).get(i), ((List<?>) b).get(i), ((List<?>) hostile).get(i),
                        markersA, markersB, values, where);
            }
        } else if (a instanceof String && ((String) a).startsWith("{")) {
            // jsonencode(...): the document must keep its members, with the values in place of the markers
            ObjectMapper json = new ObjectMapper();
            try {
                assertSameJson(json.readTree((String) a), json.readTree(String.valueOf(b)),
                        json.readTree(String.valueOf(hostile)), markersA, markersB, values, where);
            } catch (java.io.IOException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
        } else if (a instanceof String && direct(String.valueOf(b), markersB)) {
            assertEquals(replace((String) a, markersA, values), hostile, where);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hcl(String text) throws Exception {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new HCLParser().parse(text);
        } finally {
            System.setOut(original);
        }
    }

    private static List<Map<String, String>> hostileSamplesWithNul(String checkId) {
        Random random = new Random(checkId.hashCode() * 31L);
        List<Map<String, String>> out = new ArrayList<>();
        for (int s = 0; s < SAMPLES * 4; s++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String token : CheckCatalog.allowedTokens(checkId)) {
                values.put(token, LIST_TOKENS.contains(token) ? listSample(random) : HostileStrings.next(random));
            }
            out.add(values);
        }
        return out;
    }

    private static String replace(String text, Map<String, String> markers, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : markers.entrySet()) {
            out = out.replace(e.getValue(), VisibleText.wellFormed(values.get(e.getKey())));
        }
        return out;
    }

    /** The parsed YAML tree with every marker replaced by its value in string leaves. */
    private static Object replaceAll(Object node, Map<String, String> markers, Map<String, String> values) {
        if (node instanceof String) {
            return replace((String) node, markers, values);
        }
        if (node instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) node).forEach((k, v) -> out.put(replaceAll(k, markers, values),
                    replaceAll(v, markers, values)));
            return out;
        }
        if (node instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<?>) node).forEach(v -> out.add(replaceAll(v, markers, values)));
            return out;
        }
        if (node instanceof CloudFormationYaml.Intrinsic) {
            CloudFormationYaml.Intrinsic i = (CloudFormationYaml.Intrinsic) node;
            return new CloudFormationYaml.Intrinsic(i.function(), replaceAll(i.argument(), markers, values));
        }
        return node;
    }

    private static String describe(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            out.append(k).append("=[");
            v.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                    : String.format("\\u{%X}", c)));
            out.append("] ");
        });
        return out.toString();
    }
}
