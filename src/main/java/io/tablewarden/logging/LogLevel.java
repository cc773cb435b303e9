package io.tablewarden.logging;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Map;

/** The root log level: INFO, or DEBUG when {@code TABLEWARDEN_DEBUG} is set (as for the CLI's stack traces). */
public final class LogLevel extends PropertyDefinerBase {

    /** Environment variable that turns on debug logging. */
    public static final String DEBUG_VARIABLE = "TABLEWARDEN_DEBUG";

    @Override
    public String getPropertyValue() {
        return of(System.getenv());
    }

    /** The level for the given environment. */
    static String of(Map<String, String> env) {
        String debug = env.get(DEBUG_VARIABLE);
        return debug != null && !debug.isBlank() && !"0".equals(debug.strip()) ? "DEBUG" : "INFO";
    }
}
