package io.tablewarden.ui.shell;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialogPlacementTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void aDialogIsCentredAcrossItsOwnerAThirdOfTheWayDown() {
        Rectangle2D owner = new Rectangle2D(144, 81, 1632, 918);
        assertEquals(new Rectangle2D(690, 247, 540, 420), DialogPlacement.centred(540, 420, owner, SCREEN));
    }

    @Test
    void withoutAnOwnerItIsCentredOnTheScreen() {
        assertEquals(new Rectangle2D(690, 330, 540, 420), DialogPlacement.centred(540, 420, null, SCREEN));
    }

    @Test
    void itNeverLeavesTheScreenEvenWhenItsOwnerPartlyHas() {
        Rectangle2D owner = new Rectangle2D(-600, -200, 900, 600);
        Rectangle2D placed = DialogPlacement.centred(540, 420, owner, SCREEN);
        assertEquals(0, placed.getMinX());
        assertEquals(0, placed.getMinY());
        Rectangle2D right = DialogPlacement.centred(540, 420, new Rectangle2D(1700, 900, 900, 600), SCREEN);
        assertEquals(1920 - 540, right.getMinX());
        assertEquals(1080 - 420, right.getMinY());
    }

    @Test
    void aDialogMappedInTheCornerWithItsTitleBarOffTheScreenIsOffScreen() {
        assertTrue(DialogPlacement.offScreen(new Rectangle2D(-4, -28, 540, 420), SCREEN));
        assertTrue(DialogPlacement.offScreen(new Rectangle2D(1500, 700, 540, 420), SCREEN));
        assertFalse(DialogPlacement.offScreen(new Rectangle2D(0, 0, 540, 420), SCREEN));
        assertFalse(DialogPlacement.offScreen(new Rectangle2D(690, 247, 540, 420), SCREEN));
        // rounding of a window placed flush with an edge
        assertFalse(DialogPlacement.offScreen(new Rectangle2D(1380.5, 659.5, 540, 420), SCREEN));
    }
}
