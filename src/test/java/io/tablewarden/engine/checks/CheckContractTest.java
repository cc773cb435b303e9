package io.tablewarden.engine.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every check brings with it (see {@code docs/adding-a-check.md}): a metadata file, a unit test class of its
 * own, and end-to-end scenarios that between them show it giving PASS, FAIL, ERROR and NOT_APPLICABLE through the
 * simulator. The checks are found through the registry, so a check added without these fails here.
 */
class CheckContractTest {

    private static final String METADATA = "/io/tablewarden/engine/checks/metadata/";
    private static final String SCENARIOS = "/scenarios/";

    private final List<Check> checks = CheckRegistry.builtIn().all();

    @Test
    void everyCheckHasExactlyOneMetadataFileAndEveryFileACheck() throws IOException, URISyntaxException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(folder(METADATA))) {
            list.map(p -> p.getFileName().toString()).forEach(files::add);
        }
        Set<String> expected = new TreeSet<>();
        checks.forEach(c -> expected.add(c.id() + ".json"));
        assertEquals(expected, files, "metadata files against the checks of the service-loader file");
    }

    /** Each cause a check can name has its fix in the metadata, and the metadata has no fix for a cause no check names. */
    @Test
    void everyCauseHasItsFixAndEveryFixACause() {
        for (Check check : checks) {
            assertEquals(new TreeSet<>(check.causes()), new TreeSet<>(check.metadata().causes().keySet()), check.id());
            check.causes().forEach(cause -> assertTrue(io.tablewarden.model.CheckResult.CAUSE_ID.matcher(cause).matches(),
                    check.id() + ": " + cause));
        }
    }

    /** The id prefix says which resource a check judges, as in Prowler; the UI and the scenarios rely on it. */
    @Test
    void theIdNamesTheResourceType() {
        for (Check check : checks) {
            ResourceType expected = check.id().startsWith("dynamodb_accelerator_cluster_") ? ResourceType.DAX_CLUSTER
                    : ResourceType.TABLE;
            assertEquals(expected, check.metadata().resourceType(), check.id());
        }
    }

    @Test
    void everyCheckHasATestClassOfItsOwn() {
        List<String> missing = new ArrayList<>();
        for (Check check : checks) {
            String name = check.getClass().getName() + "Test";
            try {
                Class<?> test = Class.forName(name, false, getClass().getClassLoader());
                if (!hasTests(test)) {
                    missing.add(name + " has no test method");
                }
            } catch (ClassNotFoundException e) {
                missing.add(check.id() + ": no test class " + name);
            }
        }
        if (!missing.isEmpty()) {
            fail(String.join("\n", missing));
        }
    }

    @Test
    void everyCheckHasScenariosThatGiveAllFourStatuses() throws IOException, URISyntaxException {
        Map<String, Set<Status>> covered = scenarioStatuses();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (Check check : checks) {
            ids.add(check.id());
            Set<Status> statuses = covered.get(check.id());
            if (statuses == null) {
                problems.add(check.id() + ": no scenario (src/test/resources/scenarios/" + check.id() + ".json and "
                        + check.id() + ".expected.json)");
            } else if (!statuses.equals(EnumSet.allOf(Status.class))) {
                Set<Status> lacking = EnumSet.allOf(Status.class);
                lacking.removeAll(statuses);
                problems.add(check.id() + ": no scenario expects " + lacking);
            }
        }
        for (String scenarioCheck : covered.keySet()) {
            if (!ids.contains(scenarioCheck)) {
                problems.add("scenarios expect verdicts of " + scenarioCheck + ", which is not a check");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** The statuses expected by the scenarios, per check id. */
    private static Map<String, Set<Status>> scenarioStatuses() throws IOException, URISyntaxException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Set<Status>> covered = new TreeMap<>();
        List<Path> specs;
        try (Stream<Path> list = Files.list(folder(SCENARIOS))) {
            specs = list.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        for (Path spec : specs) {
            String name = spec.getFileName().toString();
            Path fixture = spec.resolveSibling(name.substring(0, name.length() - ".expected.json".length()) + ".json");
            if (!Files.exists(fixture)) {
                fail(name + " has no account fixture " + fixture.getFileName());
            }
            JsonNode root = mapper.readTree(spec.toFile());
            // A check that cannot decide because its listing was refused says so once for the region (a region
            // error, never a made-up resource): that is its ERROR case.
            if (root.path("expectedRegionErrors").size() > 0 && root.hasNonNull("checkId")) {
                covered.computeIfAbsent(root.path("checkId").asText(), k -> EnumSet.noneOf(Status.class))
                        .add(Status.ERROR);
            }
            root.path("expected").forEach(e -> covered
                    .computeIfAbsent(e.path("checkId").asText(), k -> EnumSet.noneOf(Status.class))
                    .add(Status.valueOf(e.path("status").asText())));
        }
        return covered;
    }

    private static boolean hasTests(Class<?> test) {
        for (Method method : test.getDeclaredMethods()) {
            for (var annotation : method.getAnnotations()) {
                String type = annotation.annotationType().getName();
                if (type.equals("org.junit.jupiter.api.Test")
                        || type.equals("org.junit.jupiter.params.ParameterizedTest")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path folder(String resource) throws URISyntaxException {
        URL url = CheckContractTest.class.getResource(resource);
        assertNotNull(url, resource);
        return Path.of(url.toURI());
    }
}
