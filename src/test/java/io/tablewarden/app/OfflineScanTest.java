package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A scan of the demo account or a fixture needs no AWS files, so a broken one cannot stop it. */
class OfflineScanTest {

    /**
     * The scan service hands the engine no AWS files for a local account, but the engine's SDK clients still
     * read the default config file while they call STS (the scan fails with "Profile definition must end with
     * ']' on line 4"). Enable this once the engine's client factory reads no default file when it is given none.
     */
    @Test
    void aBrokenAwsConfigFileDoesNotStopADemoScan(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n\n[profile x\n");
        String before = System.getProperty("aws.configFile");
        System.setProperty("aws.configFile", broken.toString());
        try {
            ScanRequest request = new ScanRequest(null, List.of("eu-west-1"), Set.of("dynamodb_tables_pitr_enabled"),
                    CheckParameters.defaults(), 4, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
            ScanResult result = ScanService.standard(CheckRegistry.builtIn().all()).run(ScanTarget.DEMO, request,
                    null, ScanListener.NONE, new CancellationToken());
            assertEquals(ScanOutcome.ScanState.COMPLETED, result.outcome().state(),
                    String.valueOf(result.outcome().failureReason()));
        } finally {
            if (before == null) {
                System.clearProperty("aws.configFile");
            } else {
                System.setProperty("aws.configFile", before);
            }
        }
    }
}
