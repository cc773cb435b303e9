package io.tablewarden.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RegionError;
import io.tablewarden.model.Status;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every check, end to end: each scenario fixture is served by the account simulator, scanned through the
 * real SDK by the real engine, and the check's verdicts are compared with the scenario's expectations
 * (format: {@code src/test/resources/scenarios/README.md}).
 */
class CheckScenariosTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".expected.json".length()))
                    .sorted().collect(Collectors.toList());
            return names.stream();
        }
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(CheckScenariosTest.class.getResource("/scenarios/README.md").toURI()).getParent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void checkGivesTheExpectedVerdicts(String scenario) throws Exception {
        JsonNode spec = MAPPER.readTree(folder().resolve(scenario + ".expected.json").toFile());
        Set<String> checkIds = new HashSet<>();
        spec.path("expected").forEach(e -> checkIds.add(e.path("checkId").asText()));
        if (spec.hasNonNull("checkId")) {
            checkIds.add(spec.get("checkId").asText());
        }
        assertEquals(1, checkIds.size(), "a scenario is about one check");
        Instant now = Instant.parse(spec.path("now").asText());

        ScanOutcome outcome;
        Path fixture = folder().resolve(scenario + ".json");
        String homeRegion = MAPPER.readTree(fixture.toFile()).path("enabledRegions").path(0).asText();
        try (AccountSimulator simulator = AccountSimulator.start(fixture, 0)) {
            ScanRequest request = new ScanRequest(ConnectionSettings.forSimulator(simulator.endpoint(), homeRegion),
                    List.of(),
                    checkIds, parameters(spec.path("parameters")), 8, Duration.ofSeconds(10), 3);
            outcome = new ScanEngine(CheckRegistry.builtIn().all())
                    .withClock(Clock.fixed(now, ZoneOffset.UTC))
                    .run(request, ScanListener.NONE, new CancellationToken());
        }
        assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), String.valueOf(outcome.failureReason()));

        Map<String, CheckResult> actual = new TreeMap<>();
        for (CheckResult r : outcome.results()) {
            if (checkIds.contains(r.checkId()) && actual.put(r.resource().arn(), r) != null) {
                fail("two results for " + r.resource().arn());
            }
        }
        Map<String, JsonNode> expected = new TreeMap<>();
        spec.path("expected").forEach(e -> expected.put(e.path("resourceArn").asText(), e));
        assertEquals(expected.keySet(), actual.keySet(), "resources evaluated");

        List<String> problems = new ArrayList<>();
        expected.forEach((arn, e) -> {
            CheckResult r = actual.get(arn);
            Status status = Status.valueOf(e.path("status").asText());
            if (r.status() != status) {
                problems.add(arn + ": expected " + status + " but was " + r.status() + " — " + r.statusText());
            }
            if (e.has("cause")) {
                String cause = e.get("cause").isNull() ? null : e.get("cause").asText();
                if (!java.util.Objects.equals(cause, r.cause())) {
                    problems.add(arn + ": expected cause " + cause + " but was " + r.cause() + " — " + r.statusText());
                }
            }
            e.path("textContains").forEach(word -> {
                if (!r.statusText().toLowerCase(Locale.ROOT).contains(word.asText().toLowerCase(Locale.ROOT))) {
                    problems.add(arn + ": text lacks '" + word.asText() + "': " + r.statusText());
                }
            });
        });
        List<String> expectedErrors = new ArrayList<>();
        spec.path("expectedRegionErrors").forEach(e -> {
            expectedErrors.add(e.path("region").asText() + " " + e.path("call").asText());
            RegionError.of(outcome.inventory()).stream()
                    .filter(r -> r.region().equals(e.path("region").asText())
                            && r.call().equals(e.path("call").asText()))
                    .forEach(r -> e.path("textContains").forEach(word -> {
                        if (!r.message().contains(word.asText())) {
                            problems.add("region error lacks '" + word.asText() + "': " + r.message());
                        }
                    }));
        });
        assertEquals(expectedErrors, RegionError.of(outcome.inventory()).stream()
                .map(r -> r.region() + " " + r.call()).collect(Collectors.toList()), "region errors");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static CheckParameters parameters(JsonNode p) {
        CheckParameters d = CheckParameters.defaults();
        List<String> tagKeys = new ArrayList<>();
        p.path("requiredTagKeys").forEach(n -> tagKeys.add(n.asText()));
        Set<String> trusted = new HashSet<>();
        p.path("trustedAccountIds").forEach(n -> trusted.add(n.asText()));
        return new CheckParameters(integer(p, "minProvisionedReadCapacity"), integer(p, "minProvisionedWriteCapacity"),
                integer(p, "targetReadUtilization"), integer(p, "targetWriteUtilization"),
                integer(p, "minRecoveryPeriodDays"), p.path("backupVaultLockCheck").asBoolean(d.backupVaultLockCheck()),
                tagKeys, trusted, p.path("maxRecoveryPointAgeHours").asInt(d.maxRecoveryPointAgeHours()));
    }

    private static Integer integer(JsonNode p, String name) {
        return p.hasNonNull(name) ? p.get(name).asInt() : null;
    }
}
