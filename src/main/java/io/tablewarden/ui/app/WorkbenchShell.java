package io.tablewarden.ui.app;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import io.tablewarden.ui.export.ExportViewModel;
import io.tablewarden.ui.mute.MutesViewModel;
import io.tablewarden.ui.help.ShortcutsViewModel;
import io.tablewarden.ui.results.FindingsView;
import io.tablewarden.ui.shell.Keys;
import io.tablewarden.ui.shell.Stylesheets;
import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window's layout: menu and tool bar on top, the page sidebar on the left, a banner above the current
 * page, and a status bar. Pages are built on first visit and kept, so a page keeps its state while the user
 * looks elsewhere.
 */
public final class WorkbenchShell {

    /** Ids a page may give its search field; Ctrl+F focuses the first one found on the Findings page. */
    public static final List<String> SEARCH_FIELD_IDS = List.of("page-search", "findings-search");

    /** What the menu and tool bar trigger outside the shell. */
    public record Actions(Runnable runScan, Runnable quit, Runnable about, Runnable openDataFolder) {

        /** Without the Help menu's About and data folder (they then do nothing). */
        public Actions(Runnable runScan, Runnable quit) {
            this(runScan, quit, () -> { }, () -> { });
        }
    }

    private final List<WorkbenchPage> pages;
    private final WorkbenchContext context;
    private final Actions actions;
    private final BooleanProperty dark;
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper currentPage = new ReadOnlyStringWrapper();
    private final BorderPane root = new BorderPane();
    private final StackPane pageHost = new StackPane();
    private final StackPane bannerHost = new StackPane();
    private final Label scanStatus = new Label("No scan open");
    private final Label storeStatus = new Label();
    private MenuBar menuBar;
    private final VBox notices = new VBox(8);

    /**
     * @param pages   sidebar pages in order; Ctrl+1 opens the first
     * @param dark    whether the dark theme is on; the toggle and the menu change it
     */
    public WorkbenchShell(List<WorkbenchPage> pages, WorkbenchContext context, Actions actions, BooleanProperty dark) {
        this.pages = List.copyOf(pages);
        this.context = context;
        this.actions = actions;
        this.dark = dark;
        root.getStyleClass().add("workbench");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setLeft(sidebar());
        pageHost.getStyleClass().add("page");
        VBox.setVgrow(pageHost, Priority.ALWAYS);
        bannerHost.setManaged(false);
        notices.getStyleClass().add("notices");
        notices.setId("notices");
        notices.setManaged(false);
        notices.setVisible(false);
        // Notices take their own strip between the page and the status bar, so they cover nothing.
        root.setCenter(new VBox(bannerHost, pageHost, notices));
        root.setBottom(statusBar());
    }

    public BorderPane root() {
        return root;
    }

    /** Installs the shortcuts that menus cannot carry (F5) and the stylesheets. */
    public void install(Scene scene) {
        Stylesheets.install(scene);
        scene.getAccelerators().put(Keys.SCAN_AGAIN, actions.runScan());
    }

    /** The id of the page on screen. */
    public ReadOnlyStringProperty currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    /** Shows a page, building it on its first visit; unknown ids are ignored. */
    public void showPage(String id) {
        WorkbenchPage page = find(id);
        if (page == null) {
            return;
        }
        Node view = built.computeIfAbsent(id, k -> page.createView(context));
        pageHost.getChildren().setAll(view);
        navButtons.get(id).setSelected(true);
        currentPage.set(id);
    }

    /** The built view of a page, or null when it was never shown. */
    public Node pageView(String id) {
        return built.get(id);
    }

    /** Shows {@code banner} above the page, or removes it when null. */
    public void setBanner(Node banner) {
        bannerHost.getChildren().setAll(banner == null ? List.of() : List.of(banner));
        bannerHost.setManaged(banner != null);
        bannerHost.setVisible(banner != null);
    }

    /**
     * Shows a short notice in the theme's look in a strip below the page (the page gives it room, so it hides
     * nothing); it goes away by itself after {@code seconds} or when closed. At most three are shown; the oldest
     * goes first.
     */
    public void showNotice(String message, double seconds) {
        Notification notice = new Notification(message, new FontIcon(Feather.INFO));
        notice.getStyleClass().addAll(Styles.ACCENT, "notice");
        notice.setMaxHeight(Region.USE_PREF_SIZE);
        notice.setOnClose(e -> removeNotice(notice));
        if (notices.getChildren().size() >= 3) {
            notices.getChildren().remove(0);
        }
        notices.getChildren().add(notice);
        notices.setManaged(true);
        notices.setVisible(true);
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> removeNotice(notice));
        wait.play();
    }

    private void removeNotice(Notification notice) {
        notices.getChildren().remove(notice);
        notices.setManaged(!notices.getChildren().isEmpty());
        notices.setVisible(!notices.getChildren().isEmpty());
    }

    /** The notices on screen (tests). */
    public List<String> noticesShown() {
        return notices.getChildren().stream().map(n -> ((Notification) n).getMessage()).toList();
    }

    public void setScanStatus(String text) {
        scanStatus.setText(text);
    }

    public void setStoreStatus(String text) {
        storeStatus.setText(text);
    }

    /** Opens the Findings page and puts the cursor in its search field when it has one. */
    public void find() {
        showPage("findings");
        Node view = built.get("findings");
        if (view instanceof FindingsView findings) {
            findings.focusSearch();
            return;
        }
        for (String id : SEARCH_FIELD_IDS) {
            Node search = view == null ? null : view.lookup("#" + id);
            if (search != null) {
                search.requestFocus();
                return;
            }
        }
    }

    private WorkbenchPage find(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private MenuBar menuBar() {
        MenuItem scan = item("_Scan now", Feather.PLAY, Keys.SCAN, actions.runScan());
        MenuItem quit = item("_Quit", null, Keys.QUIT, actions.quit());
        MenuItem export = item("_Export current scan…", Feather.DOWNLOAD, Keys.EXPORT,
                () -> ExportViewModel.exportCurrentScan(context));
        export.setId("menu-export");
        MenuItem mutes = item("_Manage mutes…", Feather.BELL_OFF, null, () -> new MutesViewModel(context).show());
        mutes.setId("menu-mutes");
        Menu file = new Menu("_File", null, scan, export, mutes, new SeparatorMenuItem(), quit);

        Menu view = new Menu("_View");
        for (int i = 0; i < pages.size(); i++) {
            WorkbenchPage p = pages.get(i);
            KeyCombination key = i < 9 ? Keys.page(i + 1) : null;
            view.getItems().add(item(p.title(), p.icon(), key, () -> showPage(p.id())));
        }
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().add(item("_Find in findings", Feather.SEARCH, Keys.FIND, this::find));
        CheckMenuItem darkItem = new CheckMenuItem("_Dark theme");
        darkItem.setAccelerator(Keys.DARK_THEME);
        darkItem.selectedProperty().bindBidirectional(dark);
        view.getItems().add(darkItem);

        MenuItem shortcutsItem = item("_Keyboard shortcuts", Feather.COMMAND, Keys.SHORTCUTS,
                () -> shortcuts().show());
        shortcutsItem.setId("menu-shortcuts");
        MenuItem dataFolder = item("Open _data folder", Feather.FOLDER, null, actions.openDataFolder());
        dataFolder.setId("menu-data-folder");
        MenuItem about = item("_About Tablewarden", Feather.INFO, null, actions.about());
        about.setId("menu-about");
        Menu help = new Menu("_Help", null, shortcutsItem, dataFolder, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        menuBar = bar;
        return bar;
    }

    /**
     * The shortcuts sheet: every menu item with a key, in menu order, then the keys of the findings. Built from
     * the menus themselves, so the sheet cannot disagree with them.
     */
    public ShortcutsViewModel shortcuts() {
        ShortcutsViewModel sheet = new ShortcutsViewModel(context.dialogs());
        for (Menu menu : menuBar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    sheet.add("Window", item.getText(), item.getAccelerator());
                }
            }
        }
        sheet.add("Window", "Scan now", Keys.SCAN_AGAIN);
        sheet.add("Findings", "Open the selected result", Keys.OPEN);
        sheet.add("Findings", "Copy the fix (several rows: the failures as one script)", Keys.COPY);
        sheet.add("Findings", "Mute the selected finding", Keys.MUTE);
        sheet.add("Findings", "Next tab", Keys.NEXT_TAB);
        return sheet;
    }

    private static MenuItem item(String text, org.kordamp.ikonli.Ikon icon, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        item.setMnemonicParsing(true);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        Button scan = new Button("Scan", new FontIcon(Feather.PLAY));
        scan.setId("toolbar-scan");
        scan.setTooltip(new Tooltip(Keys.hint("Scan the selected account", Keys.SCAN, Keys.SCAN_AGAIN)));
        scan.setOnAction(e -> actions.runScan().run());
        Button find = new Button(null, new FontIcon(Feather.SEARCH));
        find.setId("toolbar-find");
        find.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        find.setTooltip(new Tooltip(Keys.hint("Find in the findings", Keys.FIND)));
        find.setOnAction(e -> find());
        ToggleButton theme = new ToggleButton();
        theme.setId("toolbar-theme");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.selectedProperty().bindBidirectional(dark);
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new FontIcon(dark.get() ? Feather.SUN : Feather.MOON), dark));
        theme.setTooltip(new Tooltip(Keys.hint("Switch between the light and the dark theme", Keys.DARK_THEME)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(scan, find, spacer, theme);
    }

    private VBox sidebar() {
        Label brand = new Label("Tablewarden", new FontIcon(Feather.SHIELD));
        brand.getStyleClass().add("brand");
        VBox box = new VBox(brand);
        box.getStyleClass().add("sidebar");
        box.setPrefWidth(190);
        box.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < pages.size(); i++) {
            WorkbenchPage p = pages.get(i);
            ToggleButton b = new ToggleButton(p.title(), new FontIcon(p.icon()));
            b.setId("nav-" + p.id());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(i < 9 ? Keys.hint(p.tooltip(), Keys.page(i + 1)) : p.tooltip()));
            b.setOnAction(e -> showPage(p.id()));
            navButtons.put(p.id(), b);
            box.getChildren().add(b);
        }
        // A click on the selected page must not leave no page selected.
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private HBox statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        scanStatus.setId("status-scan");
        storeStatus.setId("status-store");
        scanStatus.setGraphic(new FontIcon(Feather.ACTIVITY));
        storeStatus.setGraphic(new FontIcon(Feather.DATABASE));
        HBox bar = new HBox(scanStatus, spacer, storeStatus);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
