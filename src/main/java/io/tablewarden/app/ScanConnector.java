package io.tablewarden.app;

import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;

/**
 * Turns a {@link ScanTarget} into the connection a scan uses: starts the local simulator for the demo account
 * or a fixture (stopped again when the connection is closed), or names the profile, endpoint and region of a
 * real account. The one place that knows how each kind of target is reached.
 */
public final class ScanConnector {

    private final LocalAccounts localAccounts;

    public ScanConnector(LocalAccounts localAccounts) {
        this.localAccounts = localAccounts;
    }

    /** An open connection to a target; closing it stops the local simulator, if one was started. */
    public interface Connection extends AutoCloseable {
        /** Where and as whom to connect. */
        ConnectionSettings settings();

        @Override
        void close();
    }

    /**
     * Opens {@code target}.
     *
     * @param mfaCodes asked for a code when a profile's role has {@code mfa_serial}; null: nobody to ask
     * @throws AppException when a local account cannot be served (an invalid fixture, say)
     */
    public Connection open(ScanTarget target, MfaCodeSupplier mfaCodes) {
        return switch (target.kind()) {
            case DEMO -> local(localAccounts.startDemo(0));
            case FIXTURE -> local(localAccounts.start(target.fixture(), 0));
            case ACCOUNT -> remote(new ConnectionSettings(target.profile(), target.endpoint(),
                    target.defaultRegion(), null, target.profile() == null ? null : mfaCodes));
        };
    }

    /**
     * Opens the organisation behind {@code target}: the demo organisation, an organisation fixture, or the
     * management account a profile reaches. Its members are reached from this connection with their role.
     *
     * @throws AppException when a local organisation cannot be served
     */
    public Connection openOrganization(ScanTarget target, MfaCodeSupplier mfaCodes) {
        return switch (target.kind()) {
            case DEMO -> local(localAccounts.startOrganizationDemo(0));
            case FIXTURE -> local(localAccounts.startOrganization(target.fixture(), 0));
            case ACCOUNT -> open(target, mfaCodes);
        };
    }

    private static Connection local(LocalAccount account) {
        return new Opened(ConnectionSettings.forSimulator(account.endpoint(), account.exampleRegion()),
                account::close);
    }

    private static Connection remote(ConnectionSettings settings) {
        // Nothing was started for a remote account.
        return new Opened(settings, () -> { });
    }

    /** A connection and what closing it stops. */
    private record Opened(ConnectionSettings settings, Runnable onClose) implements Connection {
        @Override
        public void close() {
            onClose.run();
        }
    }
}
