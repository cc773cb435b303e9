package io.tablewarden.app;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanEngine;
import io.tablewarden.engine.ScanListener;
import io.tablewarden.engine.ScanOutcome;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.checks.Check;

import java.util.List;

/**
 * The engine as the application layer drives it. Production uses {@link #engine()}; tests of the front ends
 * substitute a canned or scripted scan.
 */
@FunctionalInterface
public interface ScanRunner {

    /** Runs a scan of {@code request} with the {@code checks} it selects from, and returns when it ends. */
    ScanOutcome run(List<Check> checks, ScanRequest request, ScanListener listener, CancellationToken cancellation);

    /**
     * The regions the account behind {@code connection} has enabled, sorted by name.
     *
     * @throws ScanEngine.RegionDiscoveryException with a one-line reason when they cannot be read
     * @throws UnsupportedOperationException when this runner cannot tell (a canned scan)
     */
    default List<String> enabledRegions(ConnectionSettings connection) {
        throw new UnsupportedOperationException("this scan runner cannot list regions");
    }

    /**
     * The organisation of the account behind {@code connection} (its management account), read with this
     * runner's profiles.
     *
     * @throws io.tablewarden.engine.collect.OrganizationReader.OrganizationReadException with a one-line reason
     * @throws UnsupportedOperationException when this runner cannot tell (a canned scan)
     */
    default io.tablewarden.engine.org.OrganizationMap organization(ConnectionSettings connection) {
        throw new UnsupportedOperationException("this scan runner cannot read an organisation");
    }

    /**
     * Assumes {@code connection}'s member role once, with this runner's profiles.
     *
     * @return null when it could be assumed, else the failed sts:AssumeRole call
     */
    default io.tablewarden.model.CollectionError assumeMemberRole(ConnectionSettings connection) {
        return null;
    }

    /**
     * This runner reading AWS profiles from {@code profiles} (null: the user's files, as the AWS CLI finds
     * them). A runner that reads no profiles returns itself.
     */
    default ScanRunner withProfiles(CredentialsEnvironment profiles) {
        return this;
    }

    /** The real engine, reading the user's AWS profiles. */
    static ScanRunner engine() {
        return new EngineRunner(null);
    }

    /** {@link ScanRunner} over {@link ScanEngine}. */
    final class EngineRunner implements ScanRunner {
        private final CredentialsEnvironment profiles;

        private EngineRunner(CredentialsEnvironment profiles) {
            this.profiles = profiles;
        }

        @Override
        public ScanOutcome run(List<Check> checks, ScanRequest request, ScanListener listener,
                               CancellationToken cancellation) {
            return new ScanEngine(checks).withProfiles(profiles).run(request, listener, cancellation);
        }

        @Override
        public List<String> enabledRegions(ConnectionSettings connection) {
            return new ScanEngine(List.of()).withProfiles(profiles).enabledRegions(connection);
        }

        @Override
        public io.tablewarden.engine.org.OrganizationMap organization(ConnectionSettings connection) {
            return new io.tablewarden.engine.collect.OrganizationReader(profiles).read(connection);
        }

        @Override
        public io.tablewarden.model.CollectionError assumeMemberRole(ConnectionSettings connection) {
            return new io.tablewarden.engine.collect.MemberAccess(profiles,
                    io.tablewarden.engine.aws.ClientTuning.Backoff.DEFAULT).check(connection);
        }

        @Override
        public ScanRunner withProfiles(CredentialsEnvironment newProfiles) {
            return new EngineRunner(newProfiles);
        }
    }
}
