package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.Keys;
import atlantafx.base.theme.Styles;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.ui.results.ResourceDetailViewModel.Entry;
import io.tablewarden.ui.results.ResourceDetailViewModel.RemediationTab;
import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * Every check of one table or DAX cluster: a list of results with status badges on the left; on the right the
 * selected result's reason, evidence, risk, links and remediation in four tabs, filled and ready to copy.
 */
public final class ResourceDetailView extends BorderPane {

    private final ResourceDetailViewModel model;
    private final WorkbenchContext context;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final TextField arn = new TextField();
    private final ListView<Entry> list = new ListView<>();
    private final Label checkTitle = new Label();
    private final HBox checkBadges = new HBox(6);
    private final Label reason = new Label();
    private final EvidenceTree evidence = new EvidenceTree();
    private final Label risk = new Label();
    private final FlowPane links = new FlowPane(12, 4);
    private final Label summary = new Label();
    private static final java.util.Map<String, String> TAB_HINTS = java.util.Map.of(
            "CLI", "AWS CLI commands with this resource's names",
            "CloudFormation", "The template properties that fix it",
            "Terraform", "The Terraform arguments that fix it",
            "Console", "Where to click in the AWS console");
    private final TabPane remediation = new TabPane();
    private final List<CodeView> codeViews = new ArrayList<>();
    private final VBox body;

    public ResourceDetailView(ResourceDetailViewModel model, WorkbenchContext context) {
        this.model = model;
        this.context = context;
        getStyleClass().add("resource-detail");

        name.getStyleClass().add(Styles.TITLE_3);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        arn.setEditable(false);
        arn.getStyleClass().addAll("arn-field", Styles.SMALL);
        arn.setTooltip(new Tooltip("The resource's ARN (select to copy)"));
        VBox header = new VBox(4, name, facts, arn);
        header.setPadding(new Insets(0, 0, 12, 0));
        setTop(header);

        list.setCellFactory(v -> new EntryCell());
        list.getStyleClass().add("detail-checks");
        list.setPrefWidth(320);
        list.setMinWidth(220);
        list.setPlaceholder(new Label("No results for this resource in the current scan."));

        checkTitle.getStyleClass().add(Styles.TITLE_4);
        checkTitle.setWrapText(true);
        reason.setWrapText(true);
        reason.getStyleClass().add("detail-reason");
        risk.setWrapText(true);
        summary.setWrapText(true);
        evidence.setPrefHeight(170);
        evidence.setMinHeight(120);
        for (String title : List.of("CLI", "CloudFormation", "Terraform", "Console")) {
            String what = switch (title) {
                case "CLI" -> "the AWS CLI fix";
                case "Console" -> "the console steps";
                default -> "the " + title + " fix";
            };
            CodeView code = new CodeView(copied -> context.notify("Copied " + what));
            code.setPrefHeight(260);
            code.setId("code-" + title.toLowerCase());
            codeViews.add(code);
            Tab tab = new Tab(title, code);
            tab.setClosable(false);
            tab.setTooltip(new Tooltip(TAB_HINTS.get(title) + " (" + Keys.NEXT_TAB.getDisplayText() + ": next form)"));
            remediation.getTabs().add(tab);
        }
        remediation.setMinHeight(300);
        // The fix comes right after the reason: it is what a user opens the detail for.
        body = new VBox(10, checkTitle, checkBadges, reason, section("Remediation"), summary, remediation,
                section("Evidence"), evidence, section("Risk"), risk, links);
        body.setPadding(new Insets(4, 16, 16, 16));
        body.setFillWidth(true);
        // The scroll pane fits the body to its width only if no child insists on being wider; long code lines
        // and evidence values scroll or wrap inside their own controls instead.
        body.setMinWidth(0);
        body.getChildren().forEach(child -> {
            if (child instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(0);
            }
        });
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        SplitPane split = new SplitPane(list, scroll);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(list, false);
        setCenter(split);

        model.resourceProperty().addListener((obs, old, ref) -> showResource(ref));
        list.setItems(model.entries());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> showEntry(entry));
        showResource(model.resourceProperty().get());
        showEntry(model.selectedProperty().get());
    }

    /** The code view of one remediation tab (CLI, CloudFormation, Terraform, Console). */
    CodeView codeView(String tabTitle) {
        for (int i = 0; i < remediation.getTabs().size(); i++) {
            if (remediation.getTabs().get(i).getText().equals(tabTitle)) {
                return codeViews.get(i);
            }
        }
        throw new IllegalArgumentException(tabTitle);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "detail-section");
        return label;
    }

    private void showResource(ResourceRef ref) {
        if (ref == null) {
            name.setText("No resource selected");
            facts.setText("Open a table or DAX cluster from the findings or the posture matrix.");
            arn.setText("");
            arn.setVisible(false);
            return;
        }
        name.setText(ref.name());
        facts.setText(ResultLabels.resourceType(ref.type()) + " · " + ref.region() + " · account " + ref.accountId());
        arn.setText(ref.arn());
        arn.setVisible(true);
    }

    private void showEntry(Entry entry) {
        body.setVisible(entry != null);
        if (entry == null) {
            return;
        }
        if (list.getSelectionModel().getSelectedItem() != entry) {
            list.getSelectionModel().select(entry);
        }
        CheckResult r = entry.row().result();
        checkTitle.setText(entry.title());
        checkBadges.getChildren().setAll(StatusBadge.of(r.status()), StatusBadge.severity(r.severity()));
        if (entry.row().muted()) {
            checkBadges.getChildren().add(StatusBadge.muted());
        }
        if (entry.metadata() != null && entry.metadata().securityHubControl() != null) {
            checkBadges.getChildren().add(StatusBadge.plain(entry.metadata().securityHubControl()));
        }
        Label id = new Label(r.checkId());
        id.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        checkBadges.getChildren().add(id);
        checkBadges.setAlignment(Pos.CENTER_LEFT);
        reason.setText(r.statusText());
        evidence.show(r.evidence());
        risk.setText(entry.metadata() == null ? "" : entry.metadata().risk());
        links.getChildren().clear();
        if (entry.metadata() != null) {
            for (String url : entry.metadata().links()) {
                Hyperlink link = new Hyperlink(url);
                link.setTooltip(new Tooltip("Open in the browser (or copy when no browser is available)"));
                link.setOnAction(e -> ResultActions.browse(context, url));
                links.getChildren().add(link);
            }
        }
        summary.setText(entry.remediationSummary());
        List<RemediationTab> tabs = entry.remediationTabs();
        for (int i = 0; i < codeViews.size(); i++) {
            RemediationTab tab = i < tabs.size() ? tabs.get(i) : null;
            String caption = entry.metadata() != null && !entry.metadata().remediation().inPlace()
                    ? "This fix replaces the resource" : "Filled with this resource's names";
            codeViews.get(i).show(tab == null ? "" : tab.text(),
                    tab == null ? ResourceDetailViewModel.Language.TEXT : tab.language(), caption);
        }
    }

    /** A result in the list: status badge, check title and the mute mark. */
    private static final class EntryCell extends ListCell<Entry> {
        @Override
        protected double computePrefHeight(double width) {
            // The list asks for a height without a width; a wrapped title's height depends on it.
            double known = width > 0 || getListView() == null ? width : getListView().getWidth();
            return super.computePrefHeight(known);
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(entry.title());
            title.setWrapText(true);
            // Wrap inside the list's width (minus badge and scroll bar), not past it.
            title.maxWidthProperty().bind(getListView().widthProperty().subtract(110));
            // Never fewer lines than the title needs: a long title takes a third line rather than an ellipsis.
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(title, Priority.ALWAYS);
            HBox line = new HBox(8, StatusBadge.of(entry.status()), title);
            if (entry.row().muted()) {
                line.getChildren().add(StatusBadge.muted());
            }
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
            setText(null);
            setAccessibleText(ResultLabels.status(entry.status()) + ": " + entry.title()
                    + (entry.row().muted() ? ", muted" : ""));
        }
    }
}
