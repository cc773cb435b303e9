package io.tablewarden.ui.results;

import io.tablewarden.ui.app.WorkbenchContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Requests the Compliance page and the shell send to the Findings page: "show the failures of this check",
 * "open this resource". One instance per workbench context, so pages created at different times share it
 * without globals leaking between windows.
 */
public final class ResultsNavigation {

    private static final Map<WorkbenchContext, ResultsNavigation> BY_CONTEXT = new WeakHashMap<>();

    private final ObjectProperty<String> checkRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<String> resourceRequest = new SimpleObjectProperty<>();

    private ResultsNavigation() {
    }

    /** The navigation of one workbench window. */
    public static synchronized ResultsNavigation of(WorkbenchContext context) {
        return BY_CONTEXT.computeIfAbsent(context, c -> new ResultsNavigation());
    }

    /** Shows the Findings page filtered to the failures of {@code checkId}. */
    public void showFailuresOf(WorkbenchContext context, String checkId) {
        // Reset first: asking twice for the same check must still be seen as a change.
        checkRequest.set(null);
        checkRequest.set(checkId);
        context.showPage(FindingsPage.ID);
    }

    /**
     * Shows the detail of a resource on the Findings page. The shell's {@link WorkbenchContext#openResource}
     * should call this.
     */
    public void openResource(WorkbenchContext context, String resourceArn) {
        resourceRequest.set(null);
        resourceRequest.set(resourceArn);
        context.showPage(FindingsPage.ID);
    }

    ObjectProperty<String> checkRequest() {
        return checkRequest;
    }

    ObjectProperty<String> resourceRequest() {
        return resourceRequest;
    }
}
