package io.tablewarden.ui.help;

import io.tablewarden.ui.shell.Keys;
import io.tablewarden.ui.shell.ScriptedDialogs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ShortcutsViewModelTest {

    @Test
    void keysAreWrittenAsThePlatformWritesThemAndMenuTextsLoseTheirMarks() {
        ScriptedDialogs dialogs = new ScriptedDialogs().completing(ShortcutsViewModel.class, m -> true);
        ShortcutsViewModel sheet = new ShortcutsViewModel(dialogs)
                .add("Window", "_Export current scan…", Keys.EXPORT)
                .add("Window", "Save__as", Keys.SCAN_AGAIN);
        assertEquals(new ShortcutsViewModel.Shortcut("Window", "Export current scan", Keys.EXPORT.getDisplayText()),
                sheet.shortcuts().get(0));
        assertEquals("Save_as", sheet.shortcuts().get(1).action());
        assertEquals("F5", sheet.shortcuts().get(1).keys());
        sheet.add("Window", "_Export current scan…", Keys.SCAN_AGAIN);
        assertEquals(2, sheet.shortcuts().size());
        assertEquals(Keys.EXPORT.getDisplayText() + " or F5", sheet.shortcuts().get(0).keys());
        sheet.show();
        assertSame(sheet, dialogs.asked(ShortcutsViewModel.class).get(0));
    }
}
