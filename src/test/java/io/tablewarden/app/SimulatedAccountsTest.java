package io.tablewarden.app;

import io.tablewarden.engine.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedAccountsTest {

    @Test
    void firstRegionOfAFixture(@TempDir Path dir) throws Exception {
        Path enabled = Files.writeString(dir.resolve("a.json"), "{\"enabledRegions\":[\"eu-central-1\"],\"regions\":{}}");
        Path keys = Files.writeString(dir.resolve("b.json"), "{\"regions\":{\"ap-south-1\":{}}}");
        Path broken = Files.writeString(dir.resolve("c.json"), "{");
        assertEquals("eu-central-1", SimulatedAccounts.firstRegion(enabled));
        assertEquals("ap-south-1", SimulatedAccounts.firstRegion(keys));
        assertEquals("us-east-1", SimulatedAccounts.firstRegion(broken));
    }

    @Test
    void anInvalidFixtureIsRefusedNamingTheJsonPath(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"regions\": {\"eu-west-1\": {\"dynamodb\":"
                + " {\"tables\": [{\"Table\": {}}]}}}}");
        AppException e = assertThrows(AppException.class, () -> new SimulatedAccounts().start(broken, 0));
        assertEquals(FailureKind.OTHER, e.kind());
        assertTrue(e.getMessage().startsWith("invalid fixture ") && e.getMessage().contains("$."), e.getMessage());
    }

    @Test
    void targetsAreLabelledForTheScreens(@TempDir Path dir) {
        assertEquals("Demo account", ScanTarget.DEMO.label());
        assertEquals("prod", ScanTarget.profile("prod").label());
        assertEquals("Fixture account.json", ScanTarget.fixture(dir.resolve("account.json")).label());
        assertEquals("Default credentials", ScanTarget.account(null, null, null).label());
        assertEquals(ScanTarget.profile("prod"), ScanTarget.account("prod", null, null));
        assertTrue(ScanTarget.DEMO.isLocal() && !ScanTarget.profile("prod").isLocal());
        assertThrows(IllegalArgumentException.class, () -> new ScanTarget(ScanTarget.Kind.DEMO, "prod", null, null,
                null));
    }
}
