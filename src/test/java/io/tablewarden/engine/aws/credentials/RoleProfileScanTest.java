package io.tablewarden.engine.aws.credentials;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole scan with a profile whose role needs MFA on top of another role: one prompt, one provider. */
class RoleProfileScanTest {

    @Test
    void scanThroughAnMfaRoleChainAsksForTheCodeOnce(@TempDir Path dir) throws Exception {
        try (AccountSimulator sim = CredentialsTestSupport.startSimulator()) {
            Path config = dir.resolve("config");
            Files.writeString(config, String.join("\n",
                    "[profile base]",
                    "aws_access_key_id = AKIASCANBASE00000001",
                    "aws_secret_access_key = scan-base-secret",
                    "",
                    "[profile hop]",
                    "role_arn = arn:aws:iam::111122223333:role/Hop",
                    "source_profile = base",
                    "external_id = hop-external-id",
                    "",
                    "[profile guarded]",
                    "role_arn = arn:aws:iam::111122223333:role/Guarded",
                    "source_profile = hop",
                    "mfa_serial = arn:aws:iam::111122223333:mfa/auditor",
                    "role_session_name = scan",
                    "region = eu-west-1",
                    "endpoint_url = " + sim.endpoint(),
                    ""));
            AtomicInteger asked = new AtomicInteger();
            ConnectionSettings connection = new ConnectionSettings("guarded", null, null, null)
                    .withMfaCodes((profile, serial) -> {
                        asked.incrementAndGet();
                        return "123456";
                    });
            ScanOutcome outcome = new ScanEngine(CheckRegistry.builtIn().all()).withConfigFile(config)
                    .run(ScanRequest.of(connection), ScanListener.NONE, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, outcome.state(), outcome.failureReason());
            assertEquals("arn:aws:sts::111122223333:assumed-role/Guarded/scan", outcome.inventory().callerArn());
            assertEquals(1, asked.get());
            assertEquals(2, sim.requestCount("sts:AssumeRole"));
            assertTrue(outcome.failureReason() == null || !outcome.failureReason().contains("secret"));
        }
    }
}
