package io.tablewarden.ui.scan;

import io.tablewarden.app.AppException;
import io.tablewarden.app.Failure;
import io.tablewarden.app.ScanResult;
import io.tablewarden.app.ScanService;
import io.tablewarden.app.ScanTarget;
import io.tablewarden.app.StoredScans;
import io.tablewarden.engine.FailureKind;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.checks.Check;
import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.store.StoredResult;
import io.tablewarden.store.TablewardenStore;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.scan.ScanChoices.CheckChoice;
import io.tablewarden.ui.scan.ScanChoices.RegionChoice;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State and commands of the scan page: what to scan (target, regions, checks), the running scan's progress
 * per region, and the snapshot it publishes as regions complete. Never touches a control; every property
 * changes on the UI thread (engine events are gathered on the worker threads and applied in batches).
 */
public final class ScanViewModel {

    /** Where the page is. */
    public enum State { IDLE, RUNNING, COMPLETED, CANCELLED, FAILED }

    /** What a scan covers: the target's own account, or the organisation it manages. */
    public enum Scope { ONE_ACCOUNT, ORGANIZATION }

    // properties
    private final ObservableList<ScanTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<ScanTarget> target = new SimpleObjectProperty<>(ScanTarget.DEMO);
    private final BooleanProperty everyEnabledRegion = new SimpleBooleanProperty(true);
    private final ObservableList<RegionChoice> regions = FXCollections.observableArrayList();
    private final ObservableList<CheckChoice> checks = FXCollections.observableArrayList();
    private final BooleanProperty discovering = new SimpleBooleanProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty activity = new SimpleStringProperty("Ready to scan");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final IntegerProperty resultCount = new SimpleIntegerProperty();
    private final ObservableList<RegionStatus> regionRows = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<FailureKind> problemKind = new SimpleObjectProperty<>();
    private final BooleanBinding canStart;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ONE_ACCOUNT);
    private final OrganizationScanViewModel organization;

    private final TaskExecutor executor;
    private final ScanService service;
    private final TablewardenStore store;
    private final ObjectProperty<ScanSnapshot> currentScan;
    private final Clock clock;
    private final Map<String, CheckMetadata> metadata = new LinkedHashMap<>();

    private LiveScan live;
    private Instant startedAt;

    /**
     * @param service     connects, scans and records
     * @param allChecks   the checks offered for selection
     * @param store       where scans are recorded, or null when there is no database
     * @param currentScan the workbench's current scan, replaced as results arrive
     */
    public ScanViewModel(TaskExecutor executor, ScanService service, List<Check> allChecks, TablewardenStore store,
                         ObjectProperty<ScanSnapshot> currentScan, Clock clock) {
        this.executor = executor;
        this.service = service;
        this.store = store;
        this.currentScan = currentScan;
        this.clock = clock;
        allChecks.forEach(c -> {
            checks.add(new CheckChoice(c));
            metadata.put(c.id(), c.metadata());
        });
        targets.add(ScanTarget.DEMO);
        organization = new OrganizationScanViewModel(this, executor, service, store, currentScan, metadata);
        canStart = Bindings.createBooleanBinding(this::startable, state, everyEnabledRegion, target, scope,
                organization.selectedCountProperty(), organization.listedTargetProperty());
        // A region ticked or unticked changes whether a scan can start.
        regions.addListener((javafx.collections.ListChangeListener<RegionChoice>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(r -> r.selectedProperty().addListener(o -> canStart.invalidate()));
            }
            canStart.invalidate();
        });
        ScanChoices.KNOWN_REGIONS.forEach(r -> regions.add(new RegionChoice(r, false)));
    }

    // properties

    public ObservableList<ScanTarget> targets() {
        return targets;
    }

    public ObjectProperty<ScanTarget> targetProperty() {
        return target;
    }

    /** When true the regions list is ignored and every region the account has enabled is scanned. */
    public BooleanProperty everyEnabledRegionProperty() {
        return everyEnabledRegion;
    }

    public ObservableList<RegionChoice> regions() {
        return regions;
    }

    public ObservableList<CheckChoice> checks() {
        return checks;
    }

    public BooleanProperty discoveringProperty() {
        return discovering;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** Overall progress 0..1, or -1 before the scan knows its regions. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty activityProperty() {
        return activity;
    }

    /** Time since the scan started, as {@code m:ss}; refreshed by {@link #refreshElapsed()}. */
    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public IntegerProperty resultCountProperty() {
        return resultCount;
    }

    public ObservableList<RegionStatus> regionRows() {
        return regionRows;
    }

    /** Why the last scan or discovery could not run, or null. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** What kind of problem {@link #problemProperty()} is, or null when there is none. */
    public ObjectProperty<FailureKind> problemKindProperty() {
        return problemKind;
    }

    /** Whether {@link #start()} would start a scan. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    /** Whether the next scan covers one account or the organisation behind the target. */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** The organisation choices and the running organisation scan's accounts. */
    public OrganizationScanViewModel organization() {
        return organization;
    }

    // commands

    /** Offers the demo account and then the given profiles, keeping the selection when it still exists. */
    public void setProfiles(List<String> profileNames) {
        ScanTarget selected = target.get();
        List<ScanTarget> all = new ArrayList<>();
        all.add(ScanTarget.DEMO);
        profileNames.forEach(p -> all.add(ScanTarget.profile(p)));
        targets.setAll(all);
        target.set(all.contains(selected) ? selected : ScanTarget.DEMO);
    }

    public void selectAllRegions() {
        regions.forEach(r -> r.selectedProperty().set(true));
    }

    public void selectNoRegions() {
        regions.forEach(r -> r.selectedProperty().set(false));
    }

    public void selectAllChecks() {
        checks.forEach(c -> c.selectedProperty().set(true));
    }

    public void selectNoChecks() {
        checks.forEach(c -> c.selectedProperty().set(false));
    }

    /** Selects exactly {@code names}; regions not in the list yet are added. */
    public void selectRegions(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        for (RegionChoice r : regions) {
            r.selectedProperty().set(wanted.remove(r.name()));
        }
        wanted.forEach(n -> regions.add(new RegionChoice(n, true)));
    }

    /** The regions a scan would cover; empty means every enabled region. */
    public List<String> requestedRegions() {
        List<String> names = new ArrayList<>();
        if (!everyEnabledRegion.get()) {
            regions.stream().filter(r -> r.selectedProperty().get()).forEach(r -> names.add(r.name()));
        }
        return names;
    }

    public Set<String> selectedCheckIds() {
        Set<String> ids = new LinkedHashSet<>();
        checks.stream().filter(c -> c.selectedProperty().get()).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** Asks the target's account for its enabled regions in the background and selects exactly those. */
    public void discoverRegions() {
        if (discovering.get()) {
            return;
        }
        discovering.set(true);
        setProblem(null);
        ScanTarget from = target.get();
        executor.submit(() -> service.enabledRegions(from), found -> {
            discovering.set(false);
            selectRegions(found);
            everyEnabledRegion.set(false);
            activity.set(found.size() + " enabled regions in " + from.label());
        }, error -> {
            discovering.set(false);
            setProblem(new Failure(kindOf(error), "Region discovery failed: " + message(error)));
        });
    }

    /** Starts a scan in the background; does nothing when one is running or nothing is selected. */
    public void start() {
        if (!startable()) {
            return;
        }
        List<String> requested = requestedRegions();
        Set<String> checkIds = selectedCheckIds();
        if (checkIds.isEmpty()) {
            setProblem(new Failure(FailureKind.OTHER, "Select at least one check to run."));
            return;
        }
        ScanTarget scanTarget = target.get();
        ScanRequest request = new ScanRequest(null, requested, checkIds, CheckParameters.defaults(),
                ScanRequest.DEFAULT_CONCURRENCY, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS);
        if (scope.get() == Scope.ORGANIZATION) {
            live = null;
            organization.start(scanTarget, request);
            return;
        }
        startedAt = clock.instant();
        live = new LiveScan(this::applyLive, executor, requested, startedAt, request.parameters());
        LiveScan scan = live;
        organization.accountRows().clear();
        regionRows.clear();
        requested.forEach(r -> regionRows.add(new RegionStatus(r)));
        setProblem(null);
        progress.set(-1);
        resultCount.set(0);
        activity.set("Connecting to " + scanTarget.label());
        elapsed.set("0:00");
        state.set(State.RUNNING);
        executor.submit(() -> runScan(scanTarget, request, scan), done -> finished(scan, done),
                error -> failed(scan, error));
    }

    /** Asks the running scan to stop; the engine returns its partial results within seconds. */
    public void cancel() {
        if (organization.running()) {
            if (organization.cancel()) {
                activity.set("Cancelling…");
            }
            return;
        }
        if (live != null && isRunning()) {
            activity.set("Cancelling…");
            live.cancellation.cancel();
        }
    }

    /** Recomputes {@link #elapsedProperty()}; the view calls it on a timer while a scan runs. */
    public void refreshElapsed() {
        if (startedAt != null && isRunning()) {
            elapsed.set(format(Duration.between(startedAt, clock.instant())));
        }
    }

    // the scan

    /** What the worker thread hands back: the scan and its stored rows as the other pages read them. */
    private record Finished(ScanResult result, List<StoredResult> storedRows) {
    }

    private Finished runScan(ScanTarget scanTarget, ScanRequest request, LiveScan scan) {
        ScanResult result = service.run(scanTarget, request, store, scan, scan.cancellation);
        // Read back with the mutes that apply now, as the other pages will show them.
        List<StoredResult> rows = result.scanId() == null ? null
                : new StoredScans(store, service.checks()).resultsWithMutes(result.scanId());
        return new Finished(result, rows);
    }

    /** Applies the gathered engine events; runs on the UI thread, at most once per pending batch. */
    private void applyLive(LiveScan.View view) {
        if (view.scan() != live) {
            return;
        }
        for (Map.Entry<String, LiveScan.RegionView> e : view.regions().entrySet()) {
            RegionStatus row = row(e.getKey());
            LiveScan.RegionView r = e.getValue();
            row.update(r.phase(), r.progress(), r.message(), r.detail());
        }
        progress.set(view.progress());
        if (view.activity() != null && !view.scan().cancellation.isCancelled()) {
            activity.set(view.activity());
        }
        refreshElapsed();
        if (view.resultsChanged()) {
            resultCount.set(view.results().size());
            currentScan.set(new ScanSnapshot(null, view.info("RUNNING", null, null), unmuted(view.results()),
                    metadata));
        }
    }

    private void finished(LiveScan scan, Finished done) {
        scan.flushNow();
        ScanResult result = done.result();
        ScanOutcome outcome = result.outcome();
        State end = outcome.state() == ScanOutcome.ScanState.COMPLETED ? State.COMPLETED
                : outcome.state() == ScanOutcome.ScanState.CANCELLED ? State.CANCELLED : State.FAILED;
        LiveScan.View last = scan.view();
        List<StoredResult> rows = done.storedRows() != null ? done.storedRows()
                : unmuted(outcome.results() == null ? last.results() : outcome.results());
        ScanSnapshot snapshot = new ScanSnapshot(result.scanId(),
                last.info(outcome.state().name(), result.finishedAt(), outcome.inventory()), rows, metadata);
        currentScan.set(snapshot);
        resultCount.set(rows.size());
        elapsed.set(format(Duration.between(scan.started, result.finishedAt())));
        for (RegionStatus row : regionRows) {
            if (row.phaseProperty().get() == RegionStatus.Phase.WAITING
                    || row.phaseProperty().get() == RegionStatus.Phase.SCANNING) {
                row.update(end == State.CANCELLED ? RegionStatus.Phase.CANCELLED : RegionStatus.Phase.FAILED,
                        0, end == State.CANCELLED ? "cancelled" : "not scanned");
            }
        }
        if (end == State.COMPLETED) {
            progress.set(1);
            long gaps = regionRows.stream().filter(r -> r.phaseProperty().get() == RegionStatus.Phase.INCOMPLETE
                    || r.phaseProperty().get() == RegionStatus.Phase.FAILED).count();
            activity.set("Scan complete: " + rows.size() + " results" + (gaps == 0 ? ""
                    : gaps == 1 ? "; 1 region has calls that failed (see below)"
                    : "; " + gaps + " regions have calls that failed (see below)"));
        } else if (end == State.CANCELLED) {
            activity.set("Scan cancelled: " + rows.size() + " results kept");
        } else {
            activity.set("Scan failed");
            setProblem(new Failure(result.failure().kind(), outcome.failureReason() == null
                    ? "The scan could not run." : readable(outcome.failureReason())));
        }
        if (result.storeProblem() != null && problem.get() == null) {
            String reason = result.storeProblem().reason();
            setProblem(new Failure(FailureKind.STORE, Character.toUpperCase(reason.charAt(0)) + reason.substring(1)));
        }
        state.set(end);
    }

    private void failed(LiveScan scan, Throwable error) {
        scan.flushNow();
        activity.set("Scan failed");
        setProblem(new Failure(kindOf(error), message(error)));
        state.set(State.FAILED);
    }

    private RegionStatus row(String region) {
        for (RegionStatus r : regionRows) {
            if (r.region().equals(region)) {
                return r;
            }
        }
        RegionStatus added = new RegionStatus(region);
        regionRows.add(added);
        return added;
    }

    private boolean startable() {
        boolean accounts = scope.get() != Scope.ORGANIZATION || !organization.listed()
                || organization.selectedCountProperty().get() > 0;
        return state.get() != State.RUNNING && target.get() != null && accounts
                && (everyEnabledRegion.get() || regions.stream().anyMatch(r -> r.selectedProperty().get()));
    }

    /** An organisation scan starts: the page shows it as running. */
    void begin(String firstActivity) {
        startedAt = clock.instant();
        regionRows.clear();
        setProblem(null);
        progress.set(-1);
        resultCount.set(0);
        activity.set(firstActivity);
        elapsed.set("0:00");
        state.set(State.RUNNING);
    }

    /** An organisation scan ended (completed or cancelled); its snapshot is already the current scan. */
    void finishOrganization(State end, String text, Instant finishedAt, Failure storeProblem) {
        if (end == State.COMPLETED) {
            progress.set(1);
        }
        elapsed.set(format(Duration.between(startedAt, finishedAt)));
        activity.set(text);
        if (storeProblem != null) {
            String reason = storeProblem.reason();
            setProblem(new Failure(FailureKind.STORE, Character.toUpperCase(reason.charAt(0)) + reason.substring(1)));
        }
        state.set(end);
    }

    /** An organisation scan could not run (the organisation could not be read, say). */
    void failOrganization(Failure failure) {
        activity.set("Scan failed");
        setProblem(failure);
        state.set(State.FAILED);
    }

    private static List<StoredResult> unmuted(List<io.tablewarden.model.CheckResult> results) {
        List<StoredResult> rows = new ArrayList<>(results.size());
        results.forEach(r -> rows.add(new StoredResult(r, false)));
        return rows;
    }

    /** What the user can do about the problem shown now, for the target selected now. */
    public String nextStep() {
        return nextStep(target.get(), problemKind.get());
    }

    /**
     * What the user can do about a scan of {@code target} that failed with a problem of {@code kind}: one or
     * two sentences naming the page or command that helps.
     */
    public static String nextStep(ScanTarget target, FailureKind kind) {
        if (target == null || target.isLocal()) {
            return "Try the scan again; if it keeps failing, the command line runs the same scan with more detail:"
                    + " tablewarden scan --demo";
        }
        String profile = target.label();
        return switch (kind == null ? FailureKind.OTHER : kind) {
            case EXPIRED_CREDENTIALS -> "Profile " + profile + " needs a sign-in or fresh credentials. For an IAM"
                    + " Identity Center profile, sign in on the Profiles page; for access keys or a role, renew"
                    + " the keys its chain starts from. Then scan again.";
            case REFUSED_KEYS -> "AWS did not accept the keys of profile " + profile + ". Replace them on the"
                    + " Profiles page and test the profile, then scan again.";
            case MFA_NEEDED -> "Profile " + profile + " assumes a role that needs an MFA code. Scan again and enter"
                    + " the current code from the device when asked.";
            case INCOMPLETE_PROFILE -> "Fix profile " + profile + " on the Profiles page (the sentence above says"
                    + " what is missing), test it, then scan again.";
            case ACCESS_DENIED -> "The identity of profile " + profile + " may not make a call the scan needs (the"
                    + " sentence above names it). Grant it with the policy in docs/iam-policy.json, then scan again.";
            case THROTTLED -> "AWS kept throttling the scan. Wait a minute and scan again, or scan fewer regions"
                    + " at a time.";
            case NETWORK -> "AWS could not be reached. Check the network (and the profile's endpoint_url, if it"
                    + " has one), then scan again.";
            case STORE -> "The scan ran, but the scan database could not keep it. Check that its folder is"
                    + " writable and that no other program holds it, then scan again.";
            case OTHER -> "Test the profile " + profile + " on the Profiles page (it may need a new sign-in or an"
                    + " MFA code), then scan again.";
        };
    }

    void setProblem(Failure failure) {
        problemKind.set(failure == null ? null : failure.kind());
        problem.set(failure == null ? null : failure.reason());
    }

    /** The kind of an exception a background task ended with. */
    private static FailureKind kindOf(Throwable error) {
        return error instanceof AppException app ? app.kind() : FailureKind.of(error);
    }

    /** A failure reason without Java class names, starting with a capital. */
    static String readable(String reason) {
        String text = reason.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): ", "").trim();
        return text.isEmpty() ? "The scan could not run." : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String message(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
