package io.tablewarden.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a scan runs against: the built-in demo account, an account fixture served by the local simulator, or a
 * real (or AWS-compatible) account reached through a named profile, the default credentials, an endpoint or
 * both. A value: {@link ScanConnector} turns it into a connection.
 *
 * @param kind          which of the three
 * @param profile       the AWS profile ({@link Kind#ACCOUNT} only); null for the default credential chain
 * @param endpoint      every AWS call goes there ({@link Kind#ACCOUNT} only); null for AWS's own endpoints
 * @param defaultRegion region for the account-wide calls ({@link Kind#ACCOUNT} only); null for the profile's
 * @param fixture       the account fixture file ({@link Kind#FIXTURE} only)
 */
public record ScanTarget(Kind kind, String profile, URI endpoint, String defaultRegion, Path fixture) {

    /** The three kinds of target. */
    public enum Kind {
        /** The built-in demo account, served by the local simulator. */
        DEMO,
        /** An account fixture file, served by the local simulator. */
        FIXTURE,
        /** An account reached over the network with real credentials. */
        ACCOUNT
    }

    /** The built-in demo account. */
    public static final ScanTarget DEMO = new ScanTarget(Kind.DEMO, null, null, null, null);

    public ScanTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FIXTURE) {
            Objects.requireNonNull(fixture, "fixture");
        }
        if (kind != Kind.ACCOUNT && (profile != null || endpoint != null || defaultRegion != null)) {
            throw new IllegalArgumentException("a local account takes no profile, endpoint or region");
        }
    }

    /** An account fixture served by the local simulator. */
    public static ScanTarget fixture(Path file) {
        return new ScanTarget(Kind.FIXTURE, null, null, null, file);
    }

    /** The account behind a named profile (as the AWS CLI reads it). */
    public static ScanTarget profile(String name) {
        return account(Objects.requireNonNull(name, "name"), null, null);
    }

    /**
     * An account reached with {@code profile}'s credentials (null: the default credential chain), at
     * {@code endpoint} (null: AWS's endpoints, or the profile's {@code endpoint_url}), signing account-wide
     * calls for {@code defaultRegion} (null: the profile's region).
     */
    public static ScanTarget account(String profile, URI endpoint, String defaultRegion) {
        return new ScanTarget(Kind.ACCOUNT, profile, endpoint, defaultRegion, null);
    }

    public boolean isDemo() {
        return kind == Kind.DEMO;
    }

    /** True when the account is served on this machine: no AWS files and no network are needed. */
    public boolean isLocal() {
        return kind != Kind.ACCOUNT;
    }

    /** The name the screens show. */
    public String label() {
        return switch (kind) {
            case DEMO -> "Demo account";
            case FIXTURE -> "Fixture " + fixture.getFileName();
            case ACCOUNT -> profile != null ? profile : endpoint != null ? endpoint.toString() : "Default credentials";
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
