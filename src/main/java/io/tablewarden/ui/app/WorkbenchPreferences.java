package io.tablewarden.ui.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the workbench remembers between runs: the window, split positions, the theme, the last profile and
 * page. Mutable because the window updates it as the user moves things; saved on close.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WorkbenchPreferences {

    /** Theme choice: follow the system, or a fixed one. */
    public enum Theme { SYSTEM, LIGHT, DARK }

    public Double x;
    public Double y;
    public Double width;
    public Double height;
    public Boolean maximized;
    public Theme theme = Theme.SYSTEM;
    public String lastProfile;
    public String lastPage;
    /** The folder the last export was written to. */
    public String lastExportFolder;
    public Map<String, Double> dividers = new LinkedHashMap<>();

    /** The remembered divider position of {@code key}, or {@code fallback}. */
    public double divider(String key, double fallback) {
        Double value = dividers == null ? null : dividers.get(key);
        return value == null || value.isNaN() || value <= 0 || value >= 1 ? fallback : value;
    }
}
