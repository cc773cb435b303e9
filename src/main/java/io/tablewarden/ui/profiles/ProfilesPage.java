package io.tablewarden.ui.profiles;

import io.tablewarden.ui.shell.WorkbenchContext;
import io.tablewarden.ui.shell.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

/** The Profiles entry of the workbench sidebar. */
public final class ProfilesPage extends WorkbenchPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "profiles";

    private final Function<WorkbenchContext, ProfileServices> services;

    /** The page on the user's own files ({@link WorkbenchContext#profileEnvironment()}), talking to AWS. */
    public ProfilesPage() {
        this(context -> ProfileServices.of(context.profileEnvironment()));
    }

    /** The page with other services: other files, the simulator, another test store. */
    public ProfilesPage(Function<WorkbenchContext, ProfileServices> services) {
        super(ID, "Profiles", Feather.USERS, "AWS profiles: list, test, sign in, add and edit");
        this.services = services;
    }

    @Override
    public Node createView(WorkbenchContext context) {
        Node[] root = new Node[1];
        // The MFA dialog belongs to the window the page is in when the code is needed.
        MfaCodeDialog mfa = new MfaCodeDialog(() -> root[0].getScene() == null ? null
                : root[0].getScene().getWindow());
        ProfilesViewModel vm = new ProfilesViewModel(services.apply(context), context.executor(), context.dialogs(),
                mfa);
        root[0] = new ProfilesView(vm).root();
        // Added, renamed or deleted profiles reach the rest of the window (scan choices, first-run banner).
        vm.profiles().addListener((javafx.collections.ListChangeListener<Object>) change -> context.profilesChanged());
        vm.load();
        return root[0];
    }
}
