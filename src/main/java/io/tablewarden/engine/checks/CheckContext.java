package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckParameters;

import java.time.Instant;

/**
 * What a check needs besides the inventory.
 *
 * @param parameters check parameters
 * @param now        evaluation time (recovery point age); fixed in tests
 */
public record CheckContext(CheckParameters parameters, Instant now) {
}
