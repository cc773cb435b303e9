package io.tablewarden.engine;

import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.simulator.AccountSimulator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ScanEngine#enabledRegions}: the account's enabled regions, or a one-line reason. */
class EnabledRegionsTest {

    @Test
    void listsTheDemoAccountsEnabledRegionsSorted() throws Exception {
        try (AccountSimulator demo = AccountSimulator.startDemo()) {
            List<String> regions = new ScanEngine(CheckRegistry.builtIn().all())
                    .enabledRegions(ConnectionSettings.forSimulator(demo.endpoint()));
            assertEquals(List.of("ap-southeast-2", "eu-central-1", "eu-west-1", "us-east-1"), regions);
        }
    }

    @Test
    void anUnreachableEndpointIsAOneLineReason() {
        ConnectionSettings nowhere = ConnectionSettings.forSimulator(URI.create("http://127.0.0.1:9"));
        ScanEngine.RegionDiscoveryException e = assertThrows(ScanEngine.RegionDiscoveryException.class,
                () -> new ScanEngine(CheckRegistry.builtIn().all()).enabledRegions(nowhere));
        assertTrue(e.getMessage().startsWith("cannot identify the account"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
