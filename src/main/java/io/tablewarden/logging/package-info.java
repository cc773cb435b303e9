/**
 * Logback's configuration hooks: where the log file lives and at which level it starts. Code everywhere logs
 * through SLF4J only; this package is the one that knows the logging backend.
 */
package io.tablewarden.logging;
