package io.tablewarden.ui.help;

import io.tablewarden.report.BuildInfo;
import io.tablewarden.ui.shell.Dialogs;
import io.tablewarden.ui.shell.ScriptedDialogs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AboutViewModelTest {

    private final Path data = Path.of("/home/consultant/.local/share/tablewarden");
    private final Path logs = data.resolve("logs");
    private final BuildInfo build = new BuildInfo("1.2.3", "2026-12-07T10:00:00Z", "abc1234");

    @Test
    void namesTheVersionTheBuildTheDatabaseAndTheFolders() {
        AboutViewModel about = new AboutViewModel(build, data.resolve("tablewarden.db"), data, logs,
                new ScriptedDialogs());
        assertEquals("1.2.3", about.version());
        assertEquals("built 2026-12-07T10:00:00Z, commit abc1234", about.build());
        assertEquals(data.resolve("tablewarden.db").toString(), about.database());
        assertEquals(data, about.dataFolder());
        assertEquals(logs, about.logFolder());
        assertEquals("none: scans are not kept",
                new AboutViewModel(build, null, data, logs, new ScriptedDialogs()).database());
    }

    @Test
    void theFoldersOpenThroughTheDialogsAndShowOpensTheAboutBox() {
        ScriptedDialogs dialogs = new ScriptedDialogs().completing(AboutViewModel.class, model -> true);
        AboutViewModel about = new AboutViewModel(build, null, data, logs, dialogs);
        about.openDataFolder();
        about.openLogFolder();
        about.show();
        assertEquals(List.of(data, logs), dialogs.asked(Path.class));
        assertSame(about, dialogs.asked(AboutViewModel.class).get(0));
        assertEquals("", about.problemProperty().get());
    }

    @Test
    void aDesktopThatCannotOpenTheFolderLeavesItsPathToOpenByHand() {
        AboutViewModel about = new AboutViewModel(build, null, data, logs, new RefusingDialogs());
        about.openDataFolder();
        assertEquals("The desktop could not open " + data + "; open it in your file manager.",
                about.problemProperty().get());
    }

    @Test
    void listsTheLicenceOfEveryBundledLibrary() {
        AboutViewModel about = new AboutViewModel(build, null, data, logs, new ScriptedDialogs());
        assertTrue(about.libraries().stream().anyMatch(l -> l.name().equals("OpenJFX")
                && l.licence().equals("GPL-2.0 with the Classpath Exception")));
        assertTrue(about.libraries().stream().allMatch(l -> !l.name().isBlank() && !l.licence().isBlank()));
    }

    /** A desktop without a file manager. */
    private static final class RefusingDialogs implements Dialogs {
        @Override
        public boolean confirm(Confirmation confirmation) {
            throw new AssertionError();
        }

        @Override
        public Optional<String> askText(TextRequest request) {
            throw new AssertionError();
        }

        @Override
        public Optional<Path> chooseFileToSave(SaveFileRequest request) {
            throw new AssertionError();
        }

        @Override
        public boolean openFolder(Path folder) {
            return false;
        }

        @Override
        public boolean open(Object model) {
            throw new AssertionError();
        }
    }
}
