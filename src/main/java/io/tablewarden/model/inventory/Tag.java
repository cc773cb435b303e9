package io.tablewarden.model.inventory;

/** A resource tag. Keys are case-sensitive. */
public record Tag(String key, String value) {
    /** System tags ({@code aws:} prefix) do not count as user tags. */
    public boolean isSystemTag() {
        return key.startsWith("aws:");
    }
}
