package io.tablewarden.profiles;

/**
 * A {@code key = value} property with its continuation lines.
 *
 * @param key       the property name
 * @param value     the value as the AWS tools read it; continuation lines are joined with {@code \n}
 * @param firstLine index of the property line in the document (0-based)
 * @param lastLine  index of its last continuation line, or {@code firstLine}
 * @param ignored   the name has characters the AWS tools do not accept, so they skip the property
 */
public record ConfigProperty(String key, String value, int firstLine, int lastLine, boolean ignored) {

    /** Secret values are masked, so that a logged section or property never shows one. */
    @Override
    public String toString() {
        return "ConfigProperty[" + key + "=" + ProfileSummary.masked(java.util.Map.of(key, value)).get(key)
                + ", lines " + (firstLine + 1) + "-" + (lastLine + 1) + (ignored ? ", ignored" : "") + "]";
    }
}
