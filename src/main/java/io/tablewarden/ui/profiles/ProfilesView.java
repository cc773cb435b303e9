package io.tablewarden.ui.profiles;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.tablewarden.engine.aws.credentials.ProfileTestResult;
import io.tablewarden.profiles.ConfigReadError;
import io.tablewarden.profiles.ProfileKind;
import io.tablewarden.profiles.ProfileSummary;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Profiles page: the list of profiles on the left with a search box, the selected profile's settings, test
 * and actions on the right, file problems above both. Binds controls to {@link ProfilesViewModel}; the buttons
 * call its commands, which open the form, sign-in and confirmation dialogs themselves.
 */
public final class ProfilesView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ProfilesViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<ProfileSummary> list = new ListView<>();
    private final VBox banners = new VBox(8);
    private final VBox detail = new VBox();

    public ProfilesView(ProfilesViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("profiles-page");
        root.setTop(new VBox(header(), banners));
        root.setCenter(body());
        root.setBottom(statusBar());
        vm.fileErrors().addListener((javafx.collections.ListChangeListener<ConfigReadError>) c -> showBanners());
        vm.conflictProperty().addListener((o, a, b) -> showBanners());
        vm.selectedProperty().addListener((o, a, b) -> showDetail());
        vm.lastTestProperty().addListener((o, a, b) -> showDetail());
        vm.signInNeededProperty().addListener((o, a, b) -> showDetail());
        vm.testingProperty().addListener((o, a, b) -> showDetail());
        showDetail();
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("AWS profiles");
        title.getStyleClass().add(Styles.TITLE_3);
        CustomTextField search = new CustomTextField();
        search.setId("profile-search");
        search.setPromptText("Search name, kind, region, account");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button add = button("Add profile", Feather.PLUS, vm::addProfile);
        add.setId("add-profile");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(vm.busyProperty().or(vm.canEditProperty().not()));
        Button reload = button("Reload", Feather.REFRESH_CW, vm::load);
        reload.setTooltip(new Tooltip("Read the config and credentials files again"));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(vm.loadingProperty().or(vm.busyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, loading, search, reload, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 8, 16));
        VBox.setMargin(banners, new Insets(0, 16, 0, 16));
        return bar;
    }

    private void showBanners() {
        banners.getChildren().clear();
        for (ConfigReadError e : vm.fileErrors()) {
            Message m = new Message("Cannot read " + e.file() + (e.line() > 0 ? ", line " + e.line() : ""),
                    e.reason() + ". The file was not changed, and no profile can be edited until it is fixed"
                            + " (the AWS tools reject it too).", new FontIcon(Feather.ALERT_TRIANGLE));
            m.getStyleClass().add(Styles.DANGER);
            m.setActionHandler(vm::load);
            banners.getChildren().add(m);
        }
        if (vm.conflictProperty().get()) {
            Message m = new Message("A file changed on disk",
                    vm.messageProperty().get(), new FontIcon(Feather.REFRESH_CW));
            m.getStyleClass().add(Styles.WARNING);
            Button reload = new Button("Reload");
            reload.setOnAction(e -> vm.load());
            m.setActionHandler(vm::load);
            banners.getChildren().add(new VBox(4, m, reload));
        }
        VBox.setMargin(banners, banners.getChildren().isEmpty() ? Insets.EMPTY : new Insets(0, 16, 8, 16));
    }

    private Node body() {
        list.setId("profile-list");
        list.setItems(vm.visibleProfiles());
        list.setCellFactory(v -> new ProfileCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (vm.selectedProperty().get() == null
                    || !b.name().equals(vm.selectedProperty().get().name()))) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        Label empty = new Label("No profile in the config or credentials file yet.");
        list.setPlaceholder(empty);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        detail.getStyleClass().add("detail-pane");
        SplitPane split = new SplitPane(list, scroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.38);
        return split;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("profiles-status");
        status.textProperty().bind(vm.messageProperty());
        status.setWrapText(true);
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        // Without a message the bar would be an empty strip above the window's own status bar.
        bar.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.messageProperty().get() != null && !vm.messageProperty().get().isBlank(),
                vm.messageProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void showDetail() {
        ProfileSummary p = vm.selectedProperty().get();
        detail.getChildren().clear();
        if (p == null) {
            Label hint = new Label("Select a profile to see its settings, test it or change it.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            detail.getChildren().add(hint);
            return;
        }
        Label name = new Label(p.name());
        name.getStyleClass().add(Styles.TITLE_3);
        HBox title = new HBox(10, name, kindBadge(p.kind()));
        if (p.current()) {
            title.getChildren().add(badge("current profile", "current"));
        }
        title.setAlignment(Pos.CENTER_LEFT);
        detail.getChildren().add(title);
        if (p.reason() != null) {
            Label reason = new Label(p.reason());
            reason.setWrapText(true);
            reason.getStyleClass().add(p.kind() == ProfileKind.INVALID ? Styles.DANGER : Styles.WARNING);
            detail.getChildren().add(reason);
        }
        detail.getChildren().addAll(actions(p), testCard(p), new Separator(), settings(p));
    }

    private Node actions(ProfileSummary p) {
        Button test = button("Test", Feather.PLAY, vm::testSelected);
        test.setId("test-profile");
        test.disableProperty().bind(vm.testingProperty());
        FlowPane row = new FlowPane(8, 8, test);
        if (p.kind() == ProfileKind.SSO) {
            // "Sign in", not "again": a profile that needs it may never have been signed in on this machine.
            Button signIn = button("Sign in", Feather.LOG_IN, () -> vm.signIn(p.name()));
            if (vm.signInNeededProperty().get()) {
                signIn.getStyleClass().add(Styles.ACCENT);
            }
            row.getChildren().add(signIn);
        }
        boolean editable = vm.editable();
        Button edit = button("Edit", Feather.EDIT_2, () -> vm.editProfile(p));
        edit.setId("edit-profile");
        Button rename = button("Rename", Feather.TYPE, () -> vm.renameProfile(p));
        Button copy = button("Duplicate", Feather.COPY, () -> vm.duplicateProfile(p));
        Button delete = button("Delete", Feather.TRASH_2, () -> vm.deleteProfile(p));
        delete.getStyleClass().add(Styles.DANGER);
        for (Button b : List.of(edit, rename, copy, delete)) {
            b.setDisable(!editable);
            if (!editable) {
                b.setTooltip(new Tooltip("A file could not be read; fix it first"));
            }
        }
        row.getChildren().addAll(edit, rename, copy, delete);
        return row;
    }

    private Node testCard(ProfileSummary p) {
        VBox card = new VBox(4);
        card.getStyleClass().add("test-card");
        card.setId("test-card");
        ProfileTestResult r = vm.lastTestProperty().get();
        if (vm.testingProperty().get()) {
            ProgressIndicator spin = new ProgressIndicator();
            spin.setPrefSize(16, 16);
            card.getChildren().add(new HBox(8, spin, new Label("Testing " + p.name() + "…")));
        } else if (r == null) {
            card.getChildren().add(muted("Not tested yet. Test asks AWS which account and identity this profile"
                    + " yields; no credential is shown or stored."));
        } else {
            Label head = new Label(r.ok() ? "Works" : "Does not work",
                    new FontIcon(r.ok() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            head.getStyleClass().addAll(Styles.TEXT_BOLD, r.ok() ? Styles.SUCCESS : Styles.DANGER);
            card.getChildren().add(head);
            GridPane g = grid();
            int row = 0;
            if (r.ok()) {
                g.addRow(row++, key("Account"), value(r.account()));
                g.addRow(row++, key("Alias"), value(r.accountAlias() == null ? "none or not readable" : r.accountAlias()));
                g.addRow(row++, key("Identity"), value(r.arn()));
            } else {
                g.addRow(row++, key("Reason"), value(r.error()));
            }
            g.addRow(row, key("Tested"), value(WHEN.format(r.testedAt())));
            card.getChildren().add(g);
        }
        return card;
    }

    private Node settings(ProfileSummary p) {
        GridPane g = grid();
        int row = 0;
        g.addRow(row++, key("Files"), value(ProfilesViewModel.sourcesLabel(p)));
        if (!p.chain().isEmpty()) {
            g.addRow(row++, key("Chain"), value(ProfilesViewModel.chainLabel(p)));
        }
        for (ProfilesViewModel.Setting s : vm.settings()) {
            Label v = value(s.value());
            if (s.secret()) {
                v.getStyleClass().add("secret-value");
                Button replace = new Button("Replace…");
                replace.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                replace.setDisable(!vm.editable());
                replace.setOnAction(e -> vm.editProfile(p));
                g.addRow(row++, key(s.key()), new HBox(8, v, replace));
            } else {
                g.addRow(row++, key(s.key()), v);
            }
        }
        Label title = new Label("Settings");
        title.getStyleClass().add("section-title");
        return new VBox(8, title, g);
    }

    // small builders

    private static Button button(String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    static Label kindBadge(ProfileKind kind) {
        return badge(ProfilesViewModel.kindLabel(kind), "kind-" + kind.label());
    }

    static Label badge(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        return g;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = value(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** Name, kind and current marker on the first line; region, files and chain on the second. */
    private static final class ProfileCell extends ListCell<ProfileSummary> {
        @Override
        protected void updateItem(ProfileSummary p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            HBox top = new HBox(8, name, kindBadge(p.kind()));
            if (p.current()) {
                top.getChildren().add(badge("current", "current"));
            }
            top.setAlignment(Pos.CENTER_LEFT);
            StringBuilder second = new StringBuilder(p.region() == null ? "no region" : p.region());
            second.append("  ·  ").append(ProfilesViewModel.sourcesLabel(p));
            if (p.chain().size() > 1) {
                second.append("  ·  ").append(ProfilesViewModel.chainLabel(p));
            }
            Label detail = new Label(second.toString());
            detail.getStyleClass().add("profile-cell-detail");
            setGraphic(new VBox(2, top, detail));
            setText(null);
        }
    }
}
