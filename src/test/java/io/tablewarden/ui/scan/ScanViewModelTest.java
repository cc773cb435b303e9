package io.tablewarden.ui.scan;

import io.tablewarden.app.LocalAccount;
import io.tablewarden.app.LocalAccounts;
import io.tablewarden.app.ScanConnector;
import io.tablewarden.app.ScanRunner;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.scenarios.DemoAccount;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.tasks.DirectTaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan page's state and commands, without a toolkit: work runs at once on the test thread. */
class ScanViewModelTest {

    private final ObjectProperty<ScanSnapshot> current = new SimpleObjectProperty<>();
    private final List<ScanSnapshot> published = new ArrayList<>();

    private ScanViewModel model(ScanService service, TablewardenStore store) {
        current.addListener((o, was, now) -> published.add(now));
        return new ScanViewModel(new DirectTaskExecutor(), service, CheckRegistry.builtIn().all(), store, current,
                Clock.systemUTC());
    }

    private static ScanService engine() {
        return ScanService.standard(CheckRegistry.builtIn().all());
    }

    /** A service whose scans are played by {@code runner} against a demo account that is never started. */
    private static ScanService scripted(ScanRunner runner) {
        LocalAccounts none = new LocalAccounts() {
            @Override
            public LocalAccount start(Path fixture, int port) {
                throw new AssertionError("no fixture in the workbench");
            }

            @Override
            public LocalAccount startDemo(int port) {
                return new LocalAccount() {
                    @Override
                    public URI endpoint() {
                        return URI.create("http://127.0.0.1:9");
                    }

                    @Override
                    public String exampleRegion() {
                        return "us-east-1";
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        return new ScanService(CheckRegistry.builtIn().all(), runner, new ScanConnector(none), Clock.systemUTC());
    }

    @Test
    void selectionOfRegionsAndChecks() {
        ScanViewModel vm = model(scripted(new Scripted()), null);
        assertTrue(vm.canStartProperty().get(), "every enabled region by default");
        assertEquals(List.of(), vm.requestedRegions());
        vm.everyEnabledRegionProperty().set(false);
        assertFalse(vm.canStartProperty().get(), "no region ticked");
        vm.selectRegions(List.of("eu-west-1", "xx-test-1"));
        assertTrue(vm.canStartProperty().get());
        assertEquals(List.of("eu-west-1", "xx-test-1"), vm.requestedRegions());
        vm.selectAllRegions();
        assertEquals(ScanChoices.KNOWN_REGIONS.size() + 1, vm.requestedRegions().size());
        vm.selectNoRegions();
        assertFalse(vm.canStartProperty().get());

        assertEquals(CheckRegistry.builtIn().all().size(), vm.selectedCheckIds().size());
        vm.selectNoChecks();
        assertTrue(vm.selectedCheckIds().isEmpty());
        vm.checks().get(0).selectedProperty().set(true);
        assertEquals(1, vm.selectedCheckIds().size());
        vm.selectAllChecks();
        assertEquals(vm.checks().size(), vm.selectedCheckIds().size());
        assertTrue(vm.checks().stream().anyMatch(c -> c.group().equals("DynamoDB.2")));

        vm.setProfiles(List.of("prod", "audit"));
        assertEquals(List.of(ScanTarget.DEMO, ScanTarget.profile("prod"), ScanTarget.profile("audit")), vm.targets());
        vm.targetProperty().set(ScanTarget.profile("audit"));
        vm.setProfiles(List.of("audit"));
        assertEquals(ScanTarget.profile("audit"), vm.targetProperty().get(), "the selection survives a reload");
    }

    @Test
    void aScanPublishesASnapshotPerRegionAndRecordsIt(@TempDir Path dir) {
        try (TablewardenStore store = TablewardenStore.open(dir.resolve("scans.db"))) {
            ScanViewModel vm = model(engine(), store);
            vm.start();
            assertEquals(ScanViewModel.State.COMPLETED, vm.stateProperty().get(), vm.problemProperty().get());
            ScanSnapshot last = current.get();
            assertEquals(DemoAccount.results(), last.rows().size());
            assertNotNull(last.scanId(), "recorded in the store");
            assertEquals("COMPLETED", last.info().state());
            assertEquals("111122223333", last.info().accountId());
            // One running snapshot per region with results, then the final one.
            assertTrue(published.size() >= 5, "snapshots: " + published.size());
            assertEquals("RUNNING", published.get(0).info().state());
            assertEquals(1.0, vm.progressProperty().get());
            assertEquals(4, vm.regionRows().size());
            vm.regionRows().forEach(r -> assertEquals(RegionStatus.Phase.DONE, r.phaseProperty().get()));
            assertEquals(DemoAccount.results(), store.scans().resultsWithMutes(last.scanId()).size());
        }
    }

    @Test
    void discoveryTicksTheAccountsRegions() {
        ScanViewModel vm = model(engine(), null);
        vm.discoverRegions();
        assertFalse(vm.everyEnabledRegionProperty().get());
        assertEquals(List.of("eu-west-1", "eu-central-1", "ap-southeast-2", "us-east-1").stream().sorted().toList(),
                vm.requestedRegions().stream().sorted().toList());
        assertFalse(vm.discoveringProperty().get());
    }

    @Test
    void cancelStopsTheScanAndKeepsWhatArrived() {
        Scripted backend = new Scripted();
        ScanViewModel vm = model(scripted(backend), null);
        backend.afterFirstRegion = vm::cancel;
        vm.start();
        assertEquals(ScanViewModel.State.CANCELLED, vm.stateProperty().get());
        assertTrue(backend.sawCancel);
        assertEquals("CANCELLED", current.get().info().state());
        assertEquals(RegionStatus.Phase.CANCELLED, vm.regionRows().get(1).phaseProperty().get());
    }

    @Test
    void aRegionErrorShowsOnItsRowAndTheOthersGoOn() {
        Scripted backend = new Scripted();
        backend.failRegion = "eu-west-1";
        ScanViewModel vm = model(scripted(backend), null);
        vm.start();
        assertEquals(ScanViewModel.State.COMPLETED, vm.stateProperty().get());
        RegionStatus failed = vm.regionRows().stream().filter(r -> r.region().equals("eu-west-1")).findFirst()
                .orElseThrow();
        assertEquals(RegionStatus.Phase.FAILED, failed.phaseProperty().get());
        assertEquals("failed", failed.messageProperty().get());
        assertTrue(failed.detailProperty().get().contains("dynamodb:ListTables"), failed.detailProperty().get());
        RegionStatus other = vm.regionRows().stream().filter(r -> r.region().equals("us-east-1")).findFirst()
                .orElseThrow();
        assertEquals(RegionStatus.Phase.DONE, other.phaseProperty().get());
    }

    /** Plays a two-region scan through the listener, as the engine would. */
    private static final class Scripted implements ScanRunner {
        Runnable afterFirstRegion = () -> { };
        String failRegion;
        boolean sawCancel;

        @Override
        public ScanOutcome run(List<Check> checks, ScanRequest request, ScanListener listener,
                               CancellationToken cancellation) {
            List<String> regions = List.of("us-east-1", "eu-west-1");
            listener.scanStarted("111122223333", regions);
            for (String region : regions) {
                if (cancellation.isCancelled()) {
                    sawCancel = true;
                    return outcome(ScanOutcome.ScanState.CANCELLED);
                }
                listener.regionStarted(region);
                listener.regionProgress(region, 1, 2, "DescribeTable orders");
                boolean fail = region.equals(failRegion);
                listener.regionFinished(new RegionInventory(region,
                        fail ? RegionInventory.RegionState.FAILED : RegionInventory.RegionState.SCANNED,
                        fail ? new CollectionError("dynamodb:ListTables", "AccessDeniedException", "denied",
                                CollectionError.Kind.ACCESS_DENIED) : null,
                        null, null, null, null, Map.of()), null);
                listener.resultsReady(region, List.of());
                afterFirstRegion.run();
                afterFirstRegion = () -> { };
            }
            return outcome(ScanOutcome.ScanState.COMPLETED);
        }

        @Override
        public List<String> enabledRegions(ConnectionSettings connection) {
            return List.of("us-east-1", "eu-west-1");
        }

        private static ScanOutcome outcome(ScanOutcome.ScanState state) {
            return new ScanOutcome(state, (AccountInventory) null, List.of(),
                    new ScanStats(0, Map.of(), 0, 0, 0, 0, 1, 0, 0, Map.of()), null);
        }
    }

    @Test
    void aFailureReasonIsShownWithoutJavaClassNames() {
        assertEquals("The scan stopped unexpectedly: profile ghost does not exist", ScanViewModel.readable(
                "the scan stopped unexpectedly: ProfileCredentialsException: profile ghost does not exist"));
        assertEquals("Denied: no access", ScanViewModel.readable("software.amazon.awssdk.core.SdkException: Denied: no access"));
    }

    @Test
    void aFailedScanNamesTheNextStepForItsKind() {
        ScanTarget stale = ScanTarget.profile("stale");
        // The kind covers a profile never signed in as well: the step does not call it expired.
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.EXPIRED_CREDENTIALS)
                .startsWith("Profile stale needs a sign-in or fresh credentials"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.EXPIRED_CREDENTIALS)
                .contains("sign in on the Profiles page"));
        assertFalse(ScanViewModel.nextStep(stale, FailureKind.EXPIRED_CREDENTIALS).contains("expired"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.REFUSED_KEYS)
                .startsWith("AWS did not accept the keys of profile stale"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.INCOMPLETE_PROFILE).startsWith("Fix profile stale"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.MFA_NEEDED).contains("MFA code"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.ACCESS_DENIED).contains("iam-policy.json"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.NETWORK).contains("network"));
        assertTrue(ScanViewModel.nextStep(stale, FailureKind.OTHER).startsWith("Test the profile stale"));
        assertTrue(ScanViewModel.nextStep(ScanTarget.DEMO, FailureKind.OTHER).contains("tablewarden scan --demo"));
        for (FailureKind kind : FailureKind.values()) {
            assertFalse(ScanViewModel.nextStep(stale, kind).isBlank(), kind.name());
        }
    }

    @Test
    void aScanThatFailsCarriesItsKindToTheNextStep() {
        ScanRunner expired = (checks, request, listener, cancellation) -> new ScanOutcome(
                ScanOutcome.ScanState.FAILED, (AccountInventory) null, List.of(),
                new ScanStats(0, Map.of(), 0, 0, 0, 0, 1, 0, 0, Map.of()),
                "cannot identify the account: sts:GetCallerIdentity failed (ExpiredToken): expired",
                FailureKind.EXPIRED_CREDENTIALS);
        ScanViewModel vm = model(scripted(expired), null);
        vm.setProfiles(List.of("stale"));
        vm.targetProperty().set(ScanTarget.profile("stale"));
        vm.start();
        assertEquals(ScanViewModel.State.FAILED, vm.stateProperty().get());
        assertEquals(FailureKind.EXPIRED_CREDENTIALS, vm.problemKindProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Cannot identify the account"), vm.problemProperty().get());
        assertTrue(vm.nextStep().startsWith("Profile stale needs a sign-in or fresh credentials"), vm.nextStep());
    }

    @Test
    void aProfileWithoutCredentialsIsAnIncompleteProfileThroughTheRealEngine(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("config"), "[profile ghost]\nregion = eu-west-1\n");
        io.tablewarden.profiles.ProfileEnvironment profiles = new io.tablewarden.profiles.ProfileEnvironment(Map.of(
                "AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString(),
                "HOME", dir.toString()), dir);
        ScanViewModel vm = model(engine().withProfiles(profiles), null);
        vm.setProfiles(List.of("ghost"));
        vm.targetProperty().set(ScanTarget.profile("ghost"));
        vm.start();
        assertEquals(ScanViewModel.State.FAILED, vm.stateProperty().get());
        assertEquals(FailureKind.INCOMPLETE_PROFILE, vm.problemKindProperty().get(), vm.problemProperty().get());
        assertTrue(vm.nextStep().startsWith("Fix profile ghost"), vm.nextStep());
    }

    @Test
    void expiredKeysAreExpiredCredentialsThroughTheRealEngineAndSdk(@TempDir Path dir) throws Exception {
        try (io.tablewarden.simulator.AccountSimulator account = io.tablewarden.simulator.AccountSimulator
                .startDemo(io.tablewarden.simulator.SimulatorOptions.builder().build())) {
            Path config = java.nio.file.Files.writeString(dir.resolve("config"),
                    "[profile stale]\nregion = us-east-1\nendpoint_url = " + account.endpoint() + "\n");
            Path credentials = java.nio.file.Files.writeString(dir.resolve("credentials"),
                    "[stale]\naws_access_key_id = EXPIREDAKID000000000\naws_secret_access_key = not-a-secret\n");
            io.tablewarden.profiles.ProfileEnvironment profiles = new io.tablewarden.profiles.ProfileEnvironment(
                    Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                            "HOME", dir.toString()), dir);
            ScanViewModel vm = model(engine().withProfiles(profiles), null);
            vm.setProfiles(List.of("stale"));
            vm.targetProperty().set(ScanTarget.profile("stale"));
            vm.start();
            assertEquals(ScanViewModel.State.FAILED, vm.stateProperty().get());
            assertEquals(FailureKind.EXPIRED_CREDENTIALS, vm.problemKindProperty().get(), vm.problemProperty().get());
            assertTrue(vm.problemProperty().get().contains("ExpiredToken"), vm.problemProperty().get());
            assertTrue(vm.nextStep().startsWith("Profile stale needs a sign-in or fresh credentials"), vm.nextStep());
        }
    }
}
