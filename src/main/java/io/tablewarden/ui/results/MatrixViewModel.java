package io.tablewarden.ui.results;

import io.tablewarden.model.CheckMetadata;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.store.StoredResult;
import io.tablewarden.ui.model.ScanSnapshot;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * State of the posture matrix: one row per table or DAX cluster, one column per check (Security Hub controls
 * first, in control order, then the other checks by id), and the row filters. Region-wide errors have no
 * resource, so they stay in the findings table only.
 */
public final class MatrixViewModel {

    // properties
    private final ObjectProperty<ScanSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<MatrixRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MatrixRow> filtered = new FilteredList<>(rows);
    private final SortedList<MatrixRow> sorted = new SortedList<>(filtered);
    private final ObservableList<String> availableRegions = FXCollections.observableArrayList();
    private final StringProperty region = new SimpleStringProperty();
    private final ObjectProperty<ResourceType> resourceType = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final BooleanProperty onlyFailing = new SimpleBooleanProperty();

    public MatrixViewModel() {
        snapshot.addListener((obs, old, scan) -> load(scan));
        region.addListener((obs, old, value) -> applyFilters());
        resourceType.addListener((obs, old, value) -> applyFilters());
        searchText.addListener((obs, old, value) -> applyFilters());
        onlyFailing.addListener((obs, old, value) -> applyFilters());
    }

    public ObjectProperty<ScanSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** Check ids, one per column, in display order. */
    public ObservableList<String> columns() {
        return columns;
    }

    public SortedList<MatrixRow> sortedRows() {
        return sorted;
    }

    public ObservableList<String> availableRegions() {
        return availableRegions;
    }

    /** Region to show, or null for all. */
    public StringProperty regionProperty() {
        return region;
    }

    /** Kind of resource to show, or null for all. */
    public ObjectProperty<ResourceType> resourceTypeProperty() {
        return resourceType;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Only resources with at least one FAIL. */
    public BooleanProperty onlyFailingProperty() {
        return onlyFailing;
    }

    public CheckMetadata metadataOf(String checkId) {
        ScanSnapshot scan = snapshot.get();
        return scan == null ? null : scan.metadata().get(checkId);
    }

    private void load(ScanSnapshot scan) {
        Map<String, ResourceRef> resources = new LinkedHashMap<>();
        Map<String, Map<String, StoredResult>> cells = new LinkedHashMap<>();
        TreeSet<String> checkIds = new TreeSet<>();
        TreeSet<String> regionNames = new TreeSet<>();
        if (scan != null) {
            for (StoredResult row : scan.rows()) {
                ResourceRef resource = row.result().resource();
                if (resource.type() == ResourceType.REGION) {
                    continue;
                }
                resources.putIfAbsent(resource.arn(), resource);
                cells.computeIfAbsent(resource.arn(), k -> new LinkedHashMap<>()).put(row.result().checkId(), row);
                checkIds.add(row.result().checkId());
                regionNames.add(resource.region());
            }
        }
        List<String> ordered = new ArrayList<>(checkIds);
        ordered.sort(Comparator.comparing(this::columnKey));
        List<MatrixRow> built = new ArrayList<>(resources.size());
        resources.forEach((arn, resource) -> built.add(new MatrixRow(resource, cells.get(arn))));
        built.sort(Comparator.comparing((MatrixRow r) -> r.resource().region())
                .thenComparing(r -> r.resource().type())
                .thenComparing(r -> r.resource().name()));
        columns.setAll(ordered);
        availableRegions.setAll(regionNames);
        if (region.get() != null && !regionNames.contains(region.get())) {
            region.set(null);
        }
        rows.setAll(built);
        applyFilters();
    }

    /** Security Hub controls first, in their own order, then the rest by id. */
    private String columnKey(String checkId) {
        CheckMetadata metadata = metadataOf(checkId);
        String control = metadata == null ? null : metadata.securityHubControl();
        return control == null ? "1" + checkId : "0" + FindingsViewModel.controlOrder(control);
    }

    private void applyFilters() {
        String wantedRegion = region.get();
        ResourceType wantedType = resourceType.get();
        boolean failing = onlyFailing.get();
        String needle = Objects.requireNonNullElse(searchText.get(), "").strip().toLowerCase(Locale.ROOT);
        Predicate<MatrixRow> predicate = row -> {
            ResourceRef r = row.resource();
            return (wantedRegion == null || wantedRegion.equals(r.region()))
                    && (wantedType == null || wantedType == r.type())
                    && (!failing || row.failCount() > 0)
                    && (needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                    || r.arn().toLowerCase(Locale.ROOT).contains(needle));
        };
        filtered.setPredicate(predicate);
    }
}
