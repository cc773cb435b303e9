package io.tablewarden.ui.scan;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.ScanStats;
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

    private ScanViewModel model(ScanBackend backend, TablewardenStore store) {
        current.addListener((o, was, now) -> published.add(now));
        return new ScanViewModel(new DirectTaskExecutor(), backend, CheckRegistry.builtIn().all(), store, current,
                Clock.systemUTC());
    }

    @Test
    void selectionOfRegionsAndChecks() {
        ScanViewModel vm = model(new Scripted(), null);
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
            ScanViewModel vm = model(EngineScanBackend.standard(new ScanEngine(CheckRegistry.builtIn().all())), store);
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
            vm.regionRows().forEach(r -> assertEquals(RegionProgress.Phase.DONE, r.phaseProperty().get()));
            assertEquals(DemoAccount.results(), store.scans().resultsWithMutes(last.scanId()).size());
        }
    }

    @Test
    void discoveryTicksTheAccountsRegions() {
        ScanViewModel vm = model(EngineScanBackend.standard(new ScanEngine(CheckRegistry.builtIn().all())), null);
        vm.discoverRegions();
        assertFalse(vm.everyEnabledRegionProperty().get());
        assertEquals(List.of("eu-west-1", "eu-central-1", "ap-southeast-2", "us-east-1").stream().sorted().toList(),
                vm.requestedRegions().stream().sorted().toList());
        assertFalse(vm.discoveringProperty().get());
    }

    @Test
    void cancelStopsTheScanAndKeepsWhatArrived() {
        Scripted backend = new Scripted();
        ScanViewModel vm = model(backend, null);
        backend.afterFirstRegion = vm::cancel;
        vm.start();
        assertEquals(ScanViewModel.State.CANCELLED, vm.stateProperty().get());
        assertTrue(backend.sawCancel);
        assertEquals("CANCELLED", current.get().info().state());
        assertEquals(RegionProgress.Phase.CANCELLED, vm.regionRows().get(1).phaseProperty().get());
    }

    @Test
    void aRegionErrorShowsOnItsRowAndTheOthersGoOn() {
        Scripted backend = new Scripted();
        backend.failRegion = "eu-west-1";
        ScanViewModel vm = model(backend, null);
        vm.start();
        assertEquals(ScanViewModel.State.COMPLETED, vm.stateProperty().get());
        RegionProgress failed = vm.regionRows().stream().filter(r -> r.region().equals("eu-west-1")).findFirst()
                .orElseThrow();
        assertEquals(RegionProgress.Phase.FAILED, failed.phaseProperty().get());
        assertEquals("failed", failed.messageProperty().get());
        assertTrue(failed.detailProperty().get().contains("dynamodb:ListTables"), failed.detailProperty().get());
        RegionProgress other = vm.regionRows().stream().filter(r -> r.region().equals("us-east-1")).findFirst()
                .orElseThrow();
        assertEquals(RegionProgress.Phase.DONE, other.phaseProperty().get());
    }

    /** Plays a two-region scan through the listener, as the engine would. */
    private static final class Scripted implements ScanBackend {
        Runnable afterFirstRegion = () -> { };
        String failRegion;
        boolean sawCancel;

        @Override
        public ScanOutcome scan(ScanTarget target, ScanRequest request, ScanListener listener,
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
        public List<String> enabledRegions(ScanTarget target) {
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
    void aFailedScanNamesTheNextStepForItsCause() {
        ScanTarget stale = ScanTarget.profile("stale");
        assertTrue(ScanViewModel.nextStep(stale, "Cannot identify the account: sts:GetCallerIdentity failed"
                + " (ExpiredToken): The security token included in the request is expired")
                .startsWith("The credentials of profile stale have expired"));
        assertTrue(ScanViewModel.nextStep(stale, "The IAM Identity Center sign-in of profile stale has expired"
                + " — sign in again (tablewarden profiles login stale)").contains("sign in again on the Profiles page"));
        assertTrue(ScanViewModel.nextStep(stale, "Cannot identify the account: sts:GetCallerIdentity failed"
                + " (InvalidClientTokenId): bad").startsWith("AWS did not accept the keys of profile stale"));
        assertTrue(ScanViewModel.nextStep(stale, "Profile stale has no credentials: none of aws_access_key_id, role_arn,"
                + " sso_session, sso_start_url or credential_process is set").startsWith("Fix profile stale"));
        assertTrue(ScanViewModel.nextStep(stale, "Profile stale needs an MFA code").contains("MFA code"));
        assertTrue(ScanViewModel.nextStep(stale, "Something else").startsWith("Test the profile stale"));
        assertTrue(ScanViewModel.nextStep(ScanTarget.DEMO, "anything").contains("tablewarden scan --demo"));
    }
}
