package io.tablewarden.ui.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowSizeTest {

    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);

    @Test
    void aLargeScreenGetsACentredWindowLargerThanTheDesignSize() {
        WindowSize size = WindowSize.first(FULL_HD);
        assertFalse(size.maximized());
        assertEquals(1632, size.width());
        assertEquals(918, size.height());
        assertEquals((1920 - 1632) / 2.0, size.x());
        assertEquals((1080 - 918) / 2.0, size.y());
    }

    @Test
    void aLaptopScreenGetsTheWindowMaximized() {
        assertTrue(WindowSize.first(LAPTOP).maximized());
        // a panel takes part of the screen: still maximized, its restored size fits the usable area
        WindowSize withPanel = WindowSize.first(new Rectangle2D(0, 27, 1366, 741));
        assertTrue(withPanel.maximized());
        assertEquals(741, withPanel.height());
        assertEquals(27, withPanel.y());
    }

    @Test
    void aVeryLargeScreenStopsGrowingTheWindow() {
        WindowSize size = WindowSize.first(new Rectangle2D(0, 0, 3840, 2160));
        assertEquals(WindowSize.MAX_WIDTH, size.width());
        assertEquals(WindowSize.MAX_HEIGHT, size.height());
    }

    @Test
    void aRememberedWindowIsUsedOnlyWhenItStillFitsTheScreen() {
        Rectangle2D remembered = new Rectangle2D(100, 80, 1400, 900);
        assertEquals(new WindowSize(100, 80, 1400, 900, false), WindowSize.choose(FULL_HD, remembered, false));
        assertEquals(new WindowSize(100, 80, 1400, 900, true), WindowSize.choose(FULL_HD, remembered, true));
        // off the screen, larger than it, or smaller than the minimum: the first window instead
        assertEquals(WindowSize.first(FULL_HD), WindowSize.choose(FULL_HD, new Rectangle2D(2500, 80, 1400, 900), false));
        assertEquals(WindowSize.first(LAPTOP), WindowSize.choose(LAPTOP, remembered, false));
        assertEquals(WindowSize.first(FULL_HD), WindowSize.choose(FULL_HD, new Rectangle2D(0, 0, 200, 200), false));
    }
}
