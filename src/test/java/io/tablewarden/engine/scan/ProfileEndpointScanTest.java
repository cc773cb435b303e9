package io.tablewarden.engine.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanOutcome.ScanState;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.checks.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A named profile alone (credentials, region and endpoint_url) is enough to reach an AWS-compatible endpoint. */
class ProfileEndpointScanTest {

    @Test
    void scansThroughTheProfilesEndpointUrl(@TempDir Path dir) throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            Path config = dir.resolve("config");
            Files.writeString(config, "[default]\nregion = us-east-1\n\n"
                    + "[profile local-sim]\n"
                    + "region = eu-north-1\n"
                    + "endpoint_url = " + account.simulator.endpoint() + "\n"
                    + "aws_access_key_id = AKIDPROFILE000000000\n"
                    + "aws_secret_access_key = profile-secret\n");
            ScanRequest request = ScanRequest.of(new ConnectionSettings("local-sim", null, null, null));
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withConfigFile(config)
                    .run(request, ScanListener.NONE, new CancellationToken());
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertEquals("210987654321", outcome.inventory().accountId());
            assertEquals(2, outcome.inventory().regions().get(0).tables().value().size());
        }
    }

    @Test
    void anUnknownProfileFailsTheScanWithOneLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        ScanRequest request = ScanRequest.of(new ConnectionSettings("missing", null, null, null));
        ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withConfigFile(config)
                .run(request, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanState.FAILED, outcome.state());
        assertTrue(outcome.failureReason().contains("missing"), outcome.failureReason());
        assertTrue(!outcome.failureReason().contains("\n"), outcome.failureReason());
    }

    @Test
    void aProfileWithoutCredentialsSaysSoRatherThanThatItDoesNotExist(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile regional]\nregion = eu-west-1\n");
        ScanRequest request = ScanRequest.of(new ConnectionSettings("regional", null, null, null));
        ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withConfigFile(config)
                .run(request, ScanListener.NONE, new CancellationToken());
        assertEquals(ScanState.FAILED, outcome.state());
        assertTrue(outcome.failureReason().startsWith("profile regional has no credentials"), outcome.failureReason());
        assertTrue(!outcome.failureReason().contains("unexpectedly"), outcome.failureReason());
    }

    @Test
    void keysInTheCredentialsFileOfTheGivenEnvironmentAreUsed(@TempDir Path dir) throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(SimulatedAccount.exampleFixture())) {
            Path config = dir.resolve("config");
            Path credentials = dir.resolve("credentials");
            Files.writeString(config, "[profile split]\nregion = eu-north-1\nendpoint_url = "
                    + account.simulator.endpoint() + "\n");
            Files.writeString(credentials, "[split]\naws_access_key_id = AKIDSPLIT00000000000\n"
                    + "aws_secret_access_key = split-secret\n");
            CredentialsEnvironment profiles = new CredentialsEnvironment(config, credentials,
                    dir.resolve("sso-cache"), java.util.Map.of());
            ScanRequest request = ScanRequest.of(new ConnectionSettings("split", null, null, null));
            ScanEngine engine = new ScanEngine(CheckRegistry.builtIn().all());
            ScanOutcome outcome = engine.withProfiles(profiles).run(request, ScanListener.NONE,
                    new CancellationToken());
            assertEquals(ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertEquals("210987654321", outcome.inventory().accountId());
            // The same engine without those files does not know the profile.
            ScanOutcome elsewhere = engine.withConfigFile(config).run(request, ScanListener.NONE,
                    new CancellationToken());
            assertEquals(ScanState.FAILED, elsewhere.state());
        }
    }
}
