package io.tablewarden.ui.app;

import javafx.geometry.Rectangle2D;

/**
 * Where and how large the main window opens. A pure function of the screen's usable area and what the
 * preferences remember, so the rule is tested without a screen.
 *
 * <p>The layout is designed for a window of about 1280×800. A screen whose usable area cannot hold that with
 * some room to spare (a 1280×800 or 1366×768 laptop) gets the window maximized, because a window a little
 * smaller than the screen only wastes its edges. Larger screens get a window that grows with the screen up to
 * {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}, centred. A remembered bounds is used when it still lies on the
 * screen; a remembered maximized window opens maximized.
 *
 * @param x         left edge (outer bounds, decorations included)
 * @param y         top edge
 * @param width     outer width
 * @param height    outer height
 * @param maximized whether the window opens maximized ({@code x..height} are then the bounds it returns to)
 */
public record WindowSize(double x, double y, double width, double height, boolean maximized) {

    /** The size the layout is designed for. */
    public static final double DESIGN_WIDTH = 1280;
    public static final double DESIGN_HEIGHT = 800;
    /** The smallest window every page still works in. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 560;
    /** Beyond this a wider window only spreads the tables thinner. */
    public static final double MAX_WIDTH = 1680;
    public static final double MAX_HEIGHT = 1050;
    /** The part of a large screen's usable area the first window takes. */
    static final double SHARE = 0.85;

    /**
     * @param screen     the usable area (visual bounds) of the screen the window opens on
     * @param remembered the bounds stored by the last run, or null
     * @param wasMaximized whether the last run ended maximized
     */
    public static WindowSize choose(Rectangle2D screen, Rectangle2D remembered, boolean wasMaximized) {
        WindowSize first = first(screen);
        if (remembered != null && fits(remembered, screen)) {
            return new WindowSize(remembered.getMinX(), remembered.getMinY(), remembered.getWidth(),
                    remembered.getHeight(), wasMaximized);
        }
        return wasMaximized ? new WindowSize(first.x, first.y, first.width, first.height, true) : first;
    }

    /** The first window on {@code screen}: maximized on a small screen, else a centred share of it. */
    public static WindowSize first(Rectangle2D screen) {
        boolean small = screen.getWidth() < DESIGN_WIDTH * 1.1 || screen.getHeight() < DESIGN_HEIGHT * 1.1;
        double width = small ? Math.min(DESIGN_WIDTH, screen.getWidth())
                : clamp(screen.getWidth() * SHARE, DESIGN_WIDTH, MAX_WIDTH);
        double height = small ? Math.min(DESIGN_HEIGHT, screen.getHeight())
                : clamp(screen.getHeight() * SHARE, DESIGN_HEIGHT, MAX_HEIGHT);
        double x = screen.getMinX() + Math.max(0, (screen.getWidth() - width) / 2);
        double y = screen.getMinY() + Math.max(0, (screen.getHeight() - height) / 2);
        return new WindowSize(Math.round(x), Math.round(y), Math.round(width), Math.round(height), small);
    }

    /** A remembered window is used only whole on the screen and not smaller than the minimum. */
    static boolean fits(Rectangle2D bounds, Rectangle2D screen) {
        return bounds.getWidth() >= MIN_WIDTH && bounds.getHeight() >= MIN_HEIGHT
                && bounds.getWidth() <= screen.getWidth() && bounds.getHeight() <= screen.getHeight()
                && screen.contains(bounds.getMinX(), bounds.getMinY())
                && screen.intersects(bounds) && bounds.getMaxX() <= screen.getMaxX() + 1
                && bounds.getMaxY() <= screen.getMaxY() + 1;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
