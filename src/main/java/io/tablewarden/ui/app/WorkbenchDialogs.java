package io.tablewarden.ui.app;

import io.tablewarden.ui.export.ExportDialog;
import io.tablewarden.ui.export.ExportViewModel;
import io.tablewarden.ui.help.AboutDialog;
import io.tablewarden.ui.help.AboutViewModel;
import io.tablewarden.ui.help.ShortcutsDialog;
import io.tablewarden.ui.help.ShortcutsViewModel;
import io.tablewarden.ui.mute.MuteDialog;
import io.tablewarden.ui.mute.MuteViewModel;
import io.tablewarden.ui.mute.MutesDialog;
import io.tablewarden.ui.mute.MutesViewModel;
import io.tablewarden.ui.profiles.ProfileFormDialog;
import io.tablewarden.ui.profiles.ProfileFormViewModel;
import io.tablewarden.ui.profiles.SsoLoginDialog;
import io.tablewarden.ui.profiles.SsoLoginViewModel;
import io.tablewarden.ui.shell.FxDialogs;
import io.tablewarden.ui.tasks.TaskExecutor;
import javafx.stage.Window;

import java.util.function.Supplier;

/** Which dialog shows which view model: the one place that knows every feature's dialogs. */
public final class WorkbenchDialogs {

    private WorkbenchDialogs() {
    }

    /**
     * @param owner    the workbench window (may supply null)
     * @param executor background work of the dialogs that poll, such as the SSO sign-in
     */
    public static FxDialogs create(Supplier<Window> owner, TaskExecutor executor) {
        return new FxDialogs(owner)
                .register(ProfileFormViewModel.class, ProfileFormDialog::new)
                .register(SsoLoginViewModel.class, (model, window) -> new SsoLoginDialog(model, window, executor))
                .register(MuteViewModel.class, MuteDialog::new)
                .register(MutesViewModel.class, MutesDialog::new)
                .register(ExportViewModel.class, ExportDialog::new)
                .register(AboutViewModel.class, AboutDialog::new)
                .register(ShortcutsViewModel.class, ShortcutsDialog::new);
    }
}
