package io.tablewarden.ui.results;

import io.tablewarden.ui.shell.WorkbenchContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Requests the Compliance page and the shell send to the Findings page: "show the failures of this check",
 * "open this resource". The workbench window owns one and hands it to the pages it creates, so pages created
 * at different times share it and two windows never do.
 */
public final class ResultsNavigation {

    private final ObjectProperty<String> checkRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<String> resourceRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<String> accountRequest = new SimpleObjectProperty<>();

    /** Shows the Findings page filtered to the failures of {@code checkId}. */
    public void showFailuresOf(WorkbenchContext context, String checkId) {
        // Reset first: asking twice for the same check must still be seen as a change.
        checkRequest.set(null);
        checkRequest.set(checkId);
        context.showPage(FindingsPage.ID);
    }

    /**
     * Shows the detail of a resource on the Findings page. The shell's {@link WorkbenchContext#openResource}
     * calls this.
     */
    public void openResource(WorkbenchContext context, String resourceArn) {
        resourceRequest.set(null);
        resourceRequest.set(resourceArn);
        context.showPage(FindingsPage.ID);
    }

    /** Shows the Findings page filtered to the failures of one account of an organisation scan. */
    public void showFailuresOfAccount(WorkbenchContext context, String accountId) {
        accountRequest.set(null);
        accountRequest.set(accountId);
        context.showPage(FindingsPage.ID);
    }

    ObjectProperty<String> accountRequestProperty() {
        return accountRequest;
    }

    ObjectProperty<String> checkRequestProperty() {
        return checkRequest;
    }

    ObjectProperty<String> resourceRequestProperty() {
        return resourceRequest;
    }
}
