package io.tablewarden.ui.results;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.ui.model.ScanSnapshot;
import io.tablewarden.ui.results.OverviewViewModel.CheckSummary;
import io.tablewarden.ui.results.OverviewViewModel.ControlStatus;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The view of the Compliance page: the overview of the current scan. Counts, pass rate and Security Hub controls come
 * first; a donut of statuses and a stacked bar per check show the shape; the checks that fail most link to
 * the findings filtered to them.
 */
public final class ComplianceView extends StackPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final OverviewViewModel model = new OverviewViewModel();
    private final WorkbenchContext context;
    private final ResultsNavigation navigation;
    private final VBox content = new VBox(16);
    private final VBox emptyState;

    /** @param navigation where "show the failures of this check" goes */
    public ComplianceView(WorkbenchContext context, ResultsNavigation navigation) {
        this.context = context;
        this.navigation = navigation;
        getStyleClass().addAll("results-page", "overview-page");
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        Label empty = new Label("No scan to show yet.\nRun a scan or open one from the history to see its "
                + "compliance overview.");
        empty.setGraphic(new FontIcon(Feather.PIE_CHART));
        empty.getStyleClass().add("empty-hint");
        emptyState = new VBox(12, empty, EmptyStates.openLastScanButton(context));
        emptyState.getStyleClass().add("empty-state");
        getChildren().setAll(scroll, emptyState);
        model.snapshotProperty().bind(context.currentScan());
        model.snapshotProperty().addListener((obs, old, scan) -> rebuild(scan));
        rebuild(model.snapshotProperty().get());
    }

    OverviewViewModel model() {
        return model;
    }

    private void rebuild(ScanSnapshot scan) {
        emptyState.setVisible(scan == null);
        content.setVisible(scan != null);
        if (scan == null) {
            content.getChildren().clear();
            return;
        }
        Label title = new Label("Compliance overview");
        title.getStyleClass().add(Styles.TITLE_2);
        String account = scan.organization() != null ? "organisation " + scan.organization().organizationId() + " · "
                + scan.organization().accounts().stream().filter(a -> a.scanned()).count() + " accounts scanned"
                : scan.info().accountId() == null ? "unknown account" : "account " + scan.info().accountId();
        String when = scan.info().finished() == null ? "" : " · " + WHEN.format(scan.info().finished());
        Label subtitle = new Label(account + " · " + scan.info().regions().size() + " regions" + when
                + " · " + scan.info().state().toLowerCase(Locale.ROOT));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        HBox charts = new HBox(16, card("Results by status", donut()), card("Results per check", stackedBars()));
        HBox.setHgrow(charts.getChildren().get(1), Priority.ALWAYS);
        HBox lists = new HBox(16, card("Security Hub controls", controls()),
                card("Checks that fail most", topFailing()));
        lists.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        content.getChildren().setAll(new VBox(2, title, subtitle), statCards(), lists, charts);
        if (scan.organization() != null) {
            // an organisation scan: its accounts, worst first, before everything else
            content.getChildren().add(1, card("Accounts × controls · worst first", accountsMatrix()));
        }
    }

    private AccountsMatrixView accountsMatrix() {
        AccountsMatrixViewModel matrix = new AccountsMatrixViewModel();
        matrix.snapshotProperty().set(model.snapshotProperty().get());
        return new AccountsMatrixView(matrix, account -> navigation.showFailuresOfAccount(context, account));
    }

    private FlowPane statCards() {
        int fail = model.statusCounts().get(Status.FAIL);
        ProgressBar bar = new ProgressBar(model.passRateProperty().get());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("pass-rate-bar");
        VBox rate = stat("Pass rate", String.format(Locale.ROOT, "%.0f%%", model.passRateProperty().get() * 100),
                "PASS ÷ (PASS + FAIL)", "stat-rate");
        rate.getChildren().add(bar);
        StringBuilder bySeverity = new StringBuilder();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            int n = model.failuresBySeverity().get(s);
            if (n > 0) {
                bySeverity.append(bySeverity.length() == 0 ? "" : " · ").append(n).append(' ').append(s.lower());
            }
        }
        FlowPane cards = new FlowPane(12, 12, rate,
                stat("Resources", String.valueOf(model.resourcesProperty().get()), "tables and DAX clusters", "stat-plain"),
                stat("Fail", String.valueOf(fail), bySeverity.length() == 0 ? "nothing fails" : bySeverity.toString(),
                        "stat-fail"),
                stat("Error", String.valueOf(model.statusCounts().get(Status.ERROR)), "could not be evaluated",
                        "stat-error"),
                stat("Pass", String.valueOf(model.statusCounts().get(Status.PASS)), "compliant", "stat-pass"),
                stat("N/A", String.valueOf(model.statusCounts().get(Status.NOT_APPLICABLE)), "rule does not apply",
                        "stat-na"),
                stat("Muted", String.valueOf(model.mutedProperty().get()), "suppressed, status unchanged", "stat-plain"));
        return cards;
    }

    private static VBox stat(String name, String value, String hint, String style) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label number = new Label(value);
        number.getStyleClass().addAll(Styles.TITLE_2, "stat-value");
        Label detail = new Label(hint);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.setWrapText(true);
        VBox box = new VBox(2, label, number, detail);
        box.getStyleClass().addAll("stat-card", style);
        // Seven cards on one row at 1280×800 (beside the sidebar, under the page's scroll bar).
        box.setPrefWidth(136);
        box.setAccessibleText(name + ": " + value + ", " + hint);
        return box;
    }

    private static VBox card(String title, Node body) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, label, body);
        card.getStyleClass().add("overview-card");
        VBox.setVgrow(body, Priority.ALWAYS);
        return card;
    }

    private GridPane controls() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (ControlStatus c : model.controls()) {
            Label id = new Label(c.control());
            id.getStyleClass().add(Styles.TEXT_BOLD);
            id.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label state = new Label(stateText(c));
            state.getStyleClass().addAll("badge", "badge-" + stateStyle(c));
            state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label what = new Label(c.title());
            what.setWrapText(true);
            if (c.state() == OverviewViewModel.ControlState.NO_DATA) {
                what.getStyleClass().add(Styles.TEXT_MUTED);
            }
            Label numbers = new Label(c.total() == 0 ? "" : c.failed() + " of " + c.total() + " failing");
            numbers.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            numbers.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, id, state, what, numbers);
            GridPane.setHgrow(what, Priority.ALWAYS);
        }
        return grid;
    }

    private static String stateText(ControlStatus c) {
        switch (c.state()) {
            case PASSED:
                return "PASSED";
            case FAILED:
                return "FAILED";
            case ERROR:
                return "ERROR";
            default:
                return "NO DATA";
        }
    }

    private static String stateStyle(ControlStatus c) {
        switch (c.state()) {
            case PASSED:
                return "pass";
            case FAILED:
                return "fail";
            case ERROR:
                return "error";
            default:
                return "na";
        }
    }

    private VBox topFailing() {
        VBox box = new VBox(6);
        if (model.topFailing().isEmpty()) {
            Label none = new Label("No check fails. Well done.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(none);
            return box;
        }
        for (CheckSummary s : model.topFailing()) {
            Hyperlink link = new Hyperlink(s.title());
            link.setTooltip(new Tooltip("Show the failing findings of " + s.checkId()));
            link.setOnAction(e -> navigation.showFailuresOf(context, s.checkId()));
            link.setId("top-" + s.checkId());
            link.setWrapText(true);
            Label count = new Label(s.count(Status.FAIL) + " FAIL");
            count.getStyleClass().addAll("badge", "badge-fail");
            count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox line = new HBox(8, count, StatusBadge.severity(s.severity()), link);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        return box;
    }

    private StackPane donut() {
        PieChart pie = new PieChart();
        for (Status s : List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.NOT_APPLICABLE)) {
            int n = model.statusCounts().get(s);
            // An empty slice still takes a colour index, so the CSS colours stay aligned with the statuses.
            pie.getData().add(new PieChart.Data(ResultLabels.status(s) + " " + n, n));
        }
        pie.setLabelsVisible(false);
        pie.setLegendVisible(true);
        pie.setLegendSide(javafx.geometry.Side.BOTTOM);
        pie.setStartAngle(90);
        pie.setPrefSize(300, 300);
        pie.setMinSize(280, 300);
        pie.setMaxSize(300, 300);
        pie.getStyleClass().add("status-donut");
        Circle hole = new Circle(52);
        hole.getStyleClass().add("donut-hole");
        Label total = new Label(String.valueOf(model.totalProperty().get()) + "\nresults");
        total.getStyleClass().add("donut-total");
        total.setMouseTransparent(true);
        StackPane donut = new StackPane(pie, hole, total);
        donut.setMaxHeight(300);
        StackPane.setAlignment(pie, Pos.TOP_CENTER);
        hole.setMouseTransparent(true);
        // The legend sits below the pie, so the hole is moved up to the pie's centre.
        hole.translateYProperty().set(-18);
        total.translateYProperty().set(-18);
        return donut;
    }

    private StackedBarChart<Number, String> stackedBars() {
        NumberAxis x = new NumberAxis();
        x.setLabel("results");
        x.setMinorTickVisible(false);
        // Counts are whole numbers: fractional ticks would suggest half a result.
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? String.valueOf(value.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        CategoryAxis y = new CategoryAxis();
        StackedBarChart<Number, String> chart = new StackedBarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendSide(javafx.geometry.Side.BOTTOM);
        chart.getStyleClass().add("check-bars");
        List<Status> order = List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.NOT_APPLICABLE);
        List<String> categories = new java.util.ArrayList<>();
        for (CheckSummary s : model.checks()) {
            categories.add(ResultLabels.shortName(s.checkId()));
        }
        y.setCategories(javafx.collections.FXCollections.observableArrayList(categories));
        for (Status status : order) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(ResultLabels.status(status));
            for (CheckSummary s : model.checks()) {
                series.getData().add(new XYChart.Data<>(s.count(status), ResultLabels.shortName(s.checkId())));
            }
            chart.getData().add(series);
        }
        chart.setPrefHeight(Math.max(260, 26 * categories.size() + 80));
        chart.setMinWidth(360);
        chart.setCategoryGap(8);
        return chart;
    }
}
