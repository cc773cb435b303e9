package io.tablewarden.ui.profiles;

import io.tablewarden.ui.app.WorkbenchContext;
import io.tablewarden.ui.app.WorkbenchPage;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

/** The Profiles entry of the workbench sidebar. */
public final class ProfilesPage {

    /** Page id for {@link WorkbenchContext#showPage(String)}. */
    public static final String ID = "profiles";

    private ProfilesPage() {
    }

    /** The page on the user's own files ({@link WorkbenchContext#profileEnvironment()}), talking to AWS. */
    public static WorkbenchPage page() {
        return page(context -> ProfileServices.of(context.profileEnvironment()));
    }

    /** The page with other services: other files, the simulator, another test store. */
    public static WorkbenchPage page(Function<WorkbenchContext, ProfileServices> services) {
        return new WorkbenchPage(ID, "Profiles", Feather.USERS,
                "AWS profiles: list, test, sign in, add and edit", context -> create(context, services.apply(context)));
    }

    private static Node create(WorkbenchContext context, ProfileServices services) {
        ProfilesViewModel vm = new ProfilesViewModel(services, context.executor());
        ProfilesView view = new ProfilesView(vm, services, context);
        vm.load();
        return view.root();
    }
}
