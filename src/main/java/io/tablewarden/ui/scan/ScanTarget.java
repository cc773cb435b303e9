package io.tablewarden.ui.scan;

/**
 * What a scan runs against: the built-in demo account or a named AWS profile.
 *
 * @param profile profile name, or null for the demo account
 */
public record ScanTarget(String profile) {

    /** The built-in demo account served by the local simulator. */
    public static final ScanTarget DEMO = new ScanTarget(null);

    /** A named AWS profile. */
    public static ScanTarget profile(String name) {
        return new ScanTarget(name);
    }

    public boolean isDemo() {
        return profile == null;
    }

    /** The name the screens show. */
    public String label() {
        return isDemo() ? "Demo account" : profile;
    }

    @Override
    public String toString() {
        return label();
    }
}
