package io.tablewarden.ui.scan;

import io.tablewarden.ui.shell.Keys;
import io.tablewarden.app.ScanTarget;
import atlantafx.base.theme.Styles;
import io.tablewarden.ui.scan.ScanChoices.CheckChoice;
import io.tablewarden.ui.scan.ScanChoices.RegionChoice;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.CheckTreeView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scan page: what to scan on the left, the running scan on the right. Only binds controls to the
 * {@link ScanViewModel}; all decisions are the model's.
 */
public final class ScanView {

    private final ScanViewModel model;
    private final BorderPane root = new BorderPane();
    private final Timeline clock;

    /**
     * @param divider the split position, remembered by the workbench
     */
    public ScanView(ScanViewModel model, DoubleProperty divider) {
        this.model = model;
        root.getStyleClass().add("page");
        root.setTop(header());
        SplitPane split = new SplitPane(settings(), progress());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(divider.get());
        split.getDividers().get(0).positionProperty().addListener((o, was, now) -> divider.set(now.doubleValue()));
        root.setCenter(split);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshElapsed()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Scan");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Choose an account, its regions and the checks, then run the scan. Results "
                + "appear on the Findings page as each region completes.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        VBox box = new VBox(title, subtitle);
        box.getStyleClass().add("page-header");
        return box;
    }

    private Node settings() {
        Label accountLabel = section("Account");
        ComboBox<ScanTarget> target = new ComboBox<>(model.targets());
        target.setId("scan-target");
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        target.setTooltip(new Tooltip("The AWS profile to scan with, or the built-in demo account"));
        accountLabel.setLabelFor(target);

        CheckBox every = new CheckBox("Every enabled region");
        every.setId("scan-every-region");
        every.selectedProperty().bindBidirectional(model.everyEnabledRegionProperty());
        ListView<RegionChoice> regions = new ListView<>(model.regions());
        regions.setId("scan-regions");
        regions.setCellFactory(CheckBoxListCell.forListView(RegionChoice::selectedProperty));
        regions.setPrefHeight(150);
        regions.setMinHeight(110);
        regions.disableProperty().bind(model.everyEnabledRegionProperty());
        Button allRegions = small("All", "Tick every region", model::selectAllRegions);
        Button noRegions = small("None", "Untick every region", model::selectNoRegions);
        allRegions.disableProperty().bind(model.everyEnabledRegionProperty());
        noRegions.disableProperty().bind(model.everyEnabledRegionProperty());
        Button discover = new Button("Discover", new FontIcon(Feather.COMPASS));
        discover.setId("scan-discover");
        discover.getStyleClass().add(Styles.SMALL);
        discover.setTooltip(new Tooltip("Ask the account which regions it has enabled and tick exactly those"));
        discover.setOnAction(e -> model.discoverRegions());
        discover.disableProperty().bind(model.discoveringProperty()
                .or(model.stateProperty().isEqualTo(ScanViewModel.State.RUNNING)));
        HBox regionButtons = new HBox(6, every, spacer(), allRegions, noRegions, discover);
        regionButtons.setAlignment(Pos.CENTER_LEFT);

        CheckTreeView<String> checks = checkTree();
        checks.setId("scan-checks");
        checks.setMinHeight(160);
        VBox.setVgrow(checks, Priority.ALWAYS);
        HBox checkButtons = new HBox(6, section("Checks"), spacer(),
                small("All", "Run every check", model::selectAllChecks),
                small("None", "Run no check", model::selectNoChecks));
        checkButtons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(accountLabel, target, scopeChoice(), organizationChoice(), section("Regions"),
                regionButtons, regions, checkButtons, checks);
        box.getStyleClass().add("scan-settings");
        box.setMinWidth(300);
        return box;
    }

    /** One account or the organisation behind the chosen profile. */
    private Node scopeChoice() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton one = new javafx.scene.control.RadioButton("One account");
        one.setId("scan-scope-account");
        one.setToggleGroup(group);
        javafx.scene.control.RadioButton org = new javafx.scene.control.RadioButton("Organisation");
        org.setId("scan-scope-organization");
        org.setToggleGroup(group);
        org.setTooltip(new Tooltip("Scan the member accounts of the profile's organisation, each through a role"
                + " assumed from the profile"));
        Runnable show = () -> group.selectToggle(model.scopeProperty().get() == ScanViewModel.Scope.ORGANIZATION
                ? org : one);
        model.scopeProperty().addListener((o, was, now) -> show.run());
        show.run();
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                show.run();
            } else {
                model.scopeProperty().set(now == org ? ScanViewModel.Scope.ORGANIZATION
                        : ScanViewModel.Scope.ONE_ACCOUNT);
            }
        });
        HBox box = new HBox(16, one, org);
        box.disableProperty().bind(model.stateProperty().isEqualTo(ScanViewModel.State.RUNNING));
        return box;
    }

    private Node organizationChoice() {
        OrganizationChoiceView view = new OrganizationChoiceView(model.organization(), model);
        view.visibleProperty().bind(model.scopeProperty().isEqualTo(ScanViewModel.Scope.ORGANIZATION));
        view.managedProperty().bind(view.visibleProperty());
        return view;
    }

    private CheckTreeView<String> checkTree() {
        CheckBoxTreeItem<String> all = new CheckBoxTreeItem<>("All checks");
        all.setExpanded(true);
        Map<String, CheckBoxTreeItem<String>> groups = new LinkedHashMap<>();
        Map<TreeItem<String>, String> tips = new HashMap<>();
        model.checks().stream().map(CheckChoice::group).sorted(ScanView::byControl)
                .forEach(g -> groups.computeIfAbsent(g, k -> {
                    CheckBoxTreeItem<String> item = new CheckBoxTreeItem<>(k);
                    item.setExpanded(true);
                    return item;
                }));
        groups.values().forEach(g -> all.getChildren().add(g));
        for (CheckChoice c : model.checks()) {
            CheckBoxTreeItem<String> leaf = new CheckBoxTreeItem<>(c.title());
            // Attached first, so the group and the root follow the leaf's state.
            groups.get(c.group()).getChildren().add(leaf);
            leaf.setSelected(c.selectedProperty().get());
            leaf.selectedProperty().bindBidirectional(c.selectedProperty());
            tips.put(leaf, c.title() + "\n" + c.id());
        }
        CheckTreeView<String> tree = new CheckTreeView<>(all);
        // All and None above the tree do what the root's box would; hiding it gives the titles the room.
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new CheckBoxTreeCell<>() {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String tip = empty ? null : tips.get(getTreeItem());
                setTooltip(tip == null ? null : new Tooltip(tip));
            }
        });
        return tree;
    }

    /** DynamoDB.1 … DynamoDB.7 in numeric order, checks without a control last. */
    private static int byControl(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(ScanChoices.NO_CONTROL) || b.equals(ScanChoices.NO_CONTROL)) {
            return a.equals(ScanChoices.NO_CONTROL) ? 1 : -1;
        }
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private Node progress() {
        Button start = new Button("Start scan", new FontIcon(Feather.PLAY));
        start.setId("scan-start");
        start.getStyleClass().add(Styles.ACCENT);
        // Not the window's default button: Enter on another page (a finding's detail) must never start a scan.
        start.setTooltip(new Tooltip(Keys.hint("Run the scan in the background", Keys.SCAN, Keys.SCAN_AGAIN)));
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.canStartProperty().not());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("scan-cancel");
        cancel.setTooltip(new Tooltip("Stop the scan; results so far are kept"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(ScanViewModel.State.RUNNING));
        Label elapsed = new Label();
        elapsed.setId("scan-elapsed");
        elapsed.getStyleClass().add("elapsed");
        elapsed.textProperty().bind(model.elapsedProperty());
        Label results = new Label();
        results.textProperty().bind(Bindings.format("%d results", model.resultCountProperty()));
        HBox buttons = new HBox(8, start, cancel, spacer(), results, elapsed);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressBar overall = new ProgressBar();
        overall.setId("scan-progress");
        overall.setMaxWidth(Double.MAX_VALUE);
        overall.progressProperty().bind(Bindings.when(model.stateProperty().isEqualTo(ScanViewModel.State.IDLE))
                .then(0.0).otherwise(model.progressProperty()));
        Label activity = new Label();
        activity.setId("scan-activity");
        activity.textProperty().bind(model.activityProperty());
        Label problem = new Label();
        problem.setId("scan-problem");
        problem.getStyleClass().add("scan-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Node rows = regionRows();
        VBox.setVgrow(rows, Priority.ALWAYS);
        Label rowsTitle = section("Regions");
        OrganizationProgressView accountRows = new OrganizationProgressView(model.organization());
        VBox.setVgrow(accountRows, Priority.ALWAYS);
        // an organisation scan shows its accounts (with their regions) instead of one account's regions
        javafx.beans.binding.BooleanBinding accounts = Bindings.createBooleanBinding(
                () -> !model.organization().accountRows().isEmpty()
                        || model.scopeProperty().get() == ScanViewModel.Scope.ORGANIZATION && model.regionRows().isEmpty(),
                model.organization().accountRows(), model.scopeProperty(), model.regionRows());
        accountRows.visibleProperty().bind(accounts);
        accountRows.managedProperty().bind(accounts);
        rows.visibleProperty().bind(accounts.not());
        rows.managedProperty().bind(accounts.not());
        rowsTitle.textProperty().bind(Bindings.when(accounts).then("Accounts").otherwise("Regions"));

        VBox box = new VBox(buttons, overall, activity, problem, rowsTitle, rows, accountRows);
        box.getStyleClass().add("scan-progress");
        return box;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** A small button with a tooltip, as the Scans page's All / None buttons are. */
    static Button small(String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A gap that takes the free width of an HBox. */
    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * One row per region in a scrolling column rather than a list view: a region's reason may wrap over several
     * lines, and there are a few dozen regions at most.
     */
    private Node regionRows() {
        VBox column = new VBox();
        column.getStyleClass().add("region-rows");
        Label placeholder = new Label("Per-region progress appears here when a scan runs.");
        placeholder.getStyleClass().add("region-placeholder");
        StackPane frame = new StackPane(placeholder);
        Runnable refill = () -> {
            column.getChildren().setAll(model.regionRows().stream().map(RegionRow::new).toList());
            placeholder.setVisible(model.regionRows().isEmpty());
        };
        model.regionRows().addListener((javafx.collections.ListChangeListener<RegionStatus>) c -> refill.run());
        refill.run();
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        frame.getChildren().add(0, scroll);
        frame.setId("scan-region-rows");
        frame.getStyleClass().add("region-frame");
        return frame;
    }

    /**
     * Makes {@code detail} the wrapped line under a progress row (a region's or an account's): why it stopped or
     * which calls failed, shown only when there is something to say.
     */
    static void bindDetail(Label detail, javafx.beans.value.ObservableStringValue text) {
        detail.getStyleClass().add("region-detail");
        detail.setWrapText(true);
        detail.setMinWidth(0);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.textProperty().bind(text);
        detail.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        detail.managedProperty().bind(detail.visibleProperty());
    }

    /**
     * A region's name, its progress bar and what it is doing; below, when there is one, why it stopped or which
     * calls failed, wrapped to the column's width.
     */
    private static final class RegionRow extends VBox {
        private final Label detail = new Label();
        private final javafx.beans.value.ChangeListener<RegionStatus.Phase> phaseListener =
                (o, was, now) -> style(now);

        RegionRow(RegionStatus item) {
            Label name = new Label(item.region());
            name.getStyleClass().add("region-name");
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(160);
            bar.setMinWidth(120);
            bar.progressProperty().bind(item.progressProperty());
            Label message = new Label();
            message.getStyleClass().add("region-message");
            message.setMinWidth(0);
            message.textProperty().bind(item.messageProperty());
            HBox.setHgrow(message, Priority.ALWAYS);
            HBox line = new HBox(name, bar, message);
            line.getStyleClass().add("region-line");
            bindDetail(detail, item.detailProperty());
            getChildren().setAll(line, detail);
            getStyleClass().add("region-row");
            // Weak, as the bindings above: the column rebuilds its rows as regions are added.
            item.phaseProperty().addListener(new javafx.beans.value.WeakChangeListener<>(phaseListener));
            style(item.phaseProperty().get());
        }

        private void style(RegionStatus.Phase phase) {
            getStyleClass().removeAll("failed", "incomplete", "skipped", "cancelled", "done");
            if (phase != RegionStatus.Phase.WAITING && phase != RegionStatus.Phase.SCANNING) {
                getStyleClass().add(phase.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
