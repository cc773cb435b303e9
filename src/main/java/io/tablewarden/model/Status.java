package io.tablewarden.model;

/** The verdict of one check on one resource. */
public enum Status {
    PASS, FAIL, ERROR, NOT_APPLICABLE
}
