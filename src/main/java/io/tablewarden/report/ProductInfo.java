package io.tablewarden.report;

/** Name, vendor and version of the tool as stamped into every report. */
public final class ProductInfo {

    public static final String NAME = "Tablewarden";
    public static final String VENDOR = "Tablewarden";

    /** Shown when the classes do not come from a packaged jar (IDE runs, tests). */
    private static final String UNPACKAGED_VERSION = "dev";

    private ProductInfo() {
    }

    /** The jar manifest's Implementation-Version, or {@code dev} outside a packaged jar. */
    public static String version() {
        String version = ProductInfo.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNPACKAGED_VERSION : version;
    }
}
