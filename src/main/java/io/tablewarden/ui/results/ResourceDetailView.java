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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private final Label sharedFix = new Label();
    private static final java.util.Map<String, String> TAB_HINTS = java.util.Map.of(
            "CLI", "AWS CLI commands with this resource's names",
            "CloudFormation", "The template properties that fix it",
            "Terraform", "The Terraform arguments that fix it",
            "Console", "Where to click in the AWS console");
    private static final double TAB_HEADER_HEIGHT = 42;
    /** Enough for the badge and the longest built-in check title on one line. */
    private static final double LIST_WIDTH = 480;
    /** The share of the detail the list may take when the window is too narrow for {@link #LIST_WIDTH}. */
    private static final double LIST_MAX_SHARE = 0.46;
    private final TabPane remediation = new TabPane();
    private final List<CodeView> codeViews = new ArrayList<>();
    private final ConsoleStepsView consoleSteps;
    private final VBox body;
    private final VBox learnBody = new VBox(8);

    public ResourceDetailView(ResourceDetailViewModel model, WorkbenchContext context) {
        this.model = model;
        this.context = context;
        consoleSteps = new ConsoleStepsView(copied -> context.notify("Copied the console steps"));
        getStyleClass().add("resource-detail");

        name.getStyleClass().add(Styles.TITLE_3);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        arn.setEditable(false);
        arn.getStyleClass().addAll("arn-field", Styles.SMALL);
        arn.setTooltip(new Tooltip("The resource's ARN (select to copy)"));
        Label account = new Label();
        account.setId("detail-account");
        account.getStyleClass().add(Styles.TEXT_MUTED);
        account.setWrapText(true);
        account.textProperty().bind(model.accountProperty());
        account.visibleProperty().bind(model.accountProperty().isNotEmpty());
        account.managedProperty().bind(account.visibleProperty());
        VBox header = new VBox(4, name, facts, account, arn);
        header.setPadding(new Insets(0, 0, 12, 0));
        setTop(header);

        list.setCellFactory(v -> new EntryCell());
        list.getStyleClass().add("detail-checks");
        list.setPrefWidth(LIST_WIDTH);
        list.setMinWidth(220);
        list.setPlaceholder(new Label("No results for this resource in the current scan."));

        checkTitle.getStyleClass().add(Styles.TITLE_4);
        checkTitle.setWrapText(true);
        reason.setWrapText(true);
        reason.getStyleClass().add("detail-reason");
        risk.setWrapText(true);
        summary.setWrapText(true);
        sharedFix.setWrapText(true);
        sharedFix.setId("shared-fix");
        sharedFix.getStyleClass().add(Styles.TEXT_MUTED);
        sharedFix.textProperty().bind(model.sharedFixProperty());
        sharedFix.visibleProperty().bind(model.sharedFixProperty().isNotEmpty());
        sharedFix.managedProperty().bind(sharedFix.visibleProperty());
        for (String title : List.of("CLI", "CloudFormation", "Terraform")) {
            String what = "CLI".equals(title) ? "the AWS CLI fix" : "the " + title + " fix";
            CodeView code = new CodeView(copied -> context.notify("Copied " + what));
            code.setId("code-" + title.toLowerCase());
            codeViews.add(code);
            remediation.getTabs().add(formTab(title, code));
        }
        // The console steps are instructions for a person, not code: a numbered list that wraps.
        consoleSteps.setId("console-steps");
        remediation.getTabs().add(formTab("Console", consoleSteps));
        // Ctrl+Tab anywhere in the detail moves between the forms of the fix; without this filter the page's
        // Findings / Posture matrix / Resource tabs would take it until a form's tab header had the focus.
        KeyCombination next = Keys.NEXT_TAB;
        KeyCombination previous = Keys.PREVIOUS_TAB;
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int step = previous.match(e) ? -1 : next.match(e) ? 1 : 0;
            if (step != 0 && !remediation.getTabs().isEmpty()) {
                int count = remediation.getTabs().size();
                int at = remediation.getSelectionModel().getSelectedIndex();
                javafx.scene.Node leaving = at < 0 ? null : remediation.getTabs().get(at).getContent();
                remediation.getSelectionModel().select(Math.floorMod(at + step, count));
                // A focus inside the form just hidden (its Copy button) goes to the forms' tabs, as the tab pane
                // itself does, so that Tab reaches the shown form's Copy button next.
                if (leaving != null && isInside(getScene() == null ? null : getScene().getFocusOwner(), leaving)) {
                    remediation.requestFocus();
                }
                e.consume();
            }
        });
        // The fix comes right after the reason: it is what a user opens the detail for.
        body = new VBox(10, checkTitle, checkBadges, reason, section("Remediation"), summary, sharedFix, remediation,
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
        // The check itself, explained: a tab of its own so that the finding stays one glance.
        learnBody.setId("learn-body");
        learnBody.setPadding(new Insets(4, 16, 16, 16));
        learnBody.setMinWidth(0);
        ScrollPane learnScroll = new ScrollPane(learnBody);
        learnScroll.setFitToWidth(true);
        learnScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        Tab findingTab = new Tab("Finding", scroll);
        findingTab.setClosable(false);
        findingTab.setTooltip(new Tooltip("This resource's result, evidence and fix"));
        Tab learnTab = new Tab("Learn", learnScroll);
        learnTab.setId("learn-tab");
        learnTab.setClosable(false);
        learnTab.setTooltip(new Tooltip("What the check evaluates, why it matters, how to fix it, false positives"));
        TabPane detailTabs = new TabPane(findingTab, learnTab);
        detailTabs.setId("detail-tabs");
        SplitPane split = new SplitPane(list, detailTabs);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(list, false);
        // The first time the detail has a width, the list gets room for its titles on one line (at most a share
        // of the detail); after that the list keeps its width and the detail takes what the window gains.
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPositions(Math.min(LIST_MAX_SHARE, LIST_WIDTH / width.doubleValue()));
                }
            }
        });
        setCenter(split);

        model.resourceProperty().addListener((obs, old, ref) -> showResource(ref));
        list.setItems(model.entries());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> showEntry(entry));
        model.learn().addListener((javafx.collections.ListChangeListener<
                io.tablewarden.report.CheckExplanation.Section>) change -> showLearn());
        showResource(model.resourceProperty().get());
        showEntry(model.selectedProperty().get());
        showLearn();
    }

    /** The Learn tab: the explained check's title, then each section's heading, paragraphs and numbered steps. */
    private void showLearn() {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        if (model.learn().isEmpty()) {
            Label none = new Label("Select a result to learn about its check.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            nodes.add(none);
        } else {
            Label title = new Label(model.learnTitleProperty().get());
            title.getStyleClass().add(Styles.TITLE_4);
            title.setWrapText(true);
            nodes.add(title);
        }
        for (io.tablewarden.report.CheckExplanation.Section section : model.learn()) {
            nodes.add(section(section.heading()));
            for (String paragraph : section.paragraphs()) {
                nodes.add(wrapped(paragraph));
            }
            for (int i = 0; i < section.steps().size(); i++) {
                nodes.add(wrapped((i + 1) + ". " + section.steps().get(i)));
            }
        }
        learnBody.getChildren().setAll(nodes);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMinWidth(0);
        return label;
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private static Tab formTab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tab.setTooltip(new Tooltip(TAB_HINTS.get(title) + " (" + Keys.NEXT_TAB.getDisplayText() + ": next form)"));
        return tab;
    }

    /** The tabs of the fix's forms: CLI, CloudFormation, Terraform and Console. */
    TabPane remediationTabs() {
        return remediation;
    }

    /** Moves the keyboard focus to the list of checks, so that keys act on the detail. */
    void focusChecks() {
        list.requestFocus();
    }

    /** The code view of one remediation tab (CLI, CloudFormation, Terraform). */
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
        List<RemediationTab> tabs = model.remediationTabs(entry);
        String caption = entry.metadata() != null && entry.metadata().remediation() != null
                && !entry.metadata().remediation().inPlace()
                ? "This fix replaces the resource" : "Filled with this resource's names";
        for (int i = 0; i < codeViews.size(); i++) {
            RemediationTab tab = i < tabs.size() ? tabs.get(i) : null;
            codeViews.get(i).show(tab == null ? "" : tab.text(),
                    tab == null ? ResourceDetailViewModel.Language.TEXT : tab.language(), caption);
        }
        // The forms' tabs as tall as the longest form (each code view sizes itself to its snippet), so the fix
        // shows whole rather than in a small scrolled pane; the tab pane does not derive that by itself.
        double tallest = codeViews.stream().mapToDouble(view -> view.prefHeight(-1)).max().orElse(260);
        remediation.setPrefHeight(tallest + TAB_HEADER_HEIGHT);
        remediation.setMinHeight(tallest + TAB_HEADER_HEIGHT);
        RemediationTab console = tabs.size() > 3 ? tabs.get(3) : null;
        consoleSteps.show(entry.consoleSteps(), console == null ? "" : console.text());
    }

    /** A result in the list, on one line: status badge, check title and the mute mark. */
    private static final class EntryCell extends ListCell<Entry> {
        private final Label title = new Label();
        private final Tooltip fullTitle = new Tooltip();
        private final HBox line = new HBox(8);

        EntryCell() {
            title.setMinWidth(0);
            title.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            HBox.setHgrow(title, Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setMinWidth(0);
            // The line ends inside the cell (whose width leaves out the list's scroll bar), so the title gets what
            // the badges leave and never pushes the line past the list's edge.
            line.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()),
                    widthProperty(), paddingProperty()));
            // A title that does not fit ends in an ellipsis and shows whole in its tooltip; one that fits has none.
            title.widthProperty().addListener((obs, old, width) -> updateTooltip());
            title.textProperty().addListener((obs, old, text) -> updateTooltip());
        }

        private void updateTooltip() {
            boolean cut = title.getText() != null && title.getWidth() > 0
                    && title.getWidth() + 0.5 < title.prefWidth(-1);
            fullTitle.setText(title.getText());
            title.setTooltip(cut ? fullTitle : null);
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            title.setText(entry.title());
            // One width for every status badge, so the titles start on one line down the list.
            Label badge = StatusBadge.of(entry.status());
            badge.getStyleClass().add("badge-fixed");
            line.getChildren().setAll(badge, title);
            if (entry.row().muted()) {
                line.getChildren().add(StatusBadge.muted());
            }
            setGraphic(line);
            setText(null);
            setAccessibleText(ResultLabels.status(entry.status()) + ": " + entry.title()
                    + (entry.row().muted() ? ", muted" : ""));
        }
    }
}
