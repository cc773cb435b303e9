package io.tablewarden.app;

import io.tablewarden.engine.FailureKind;
import io.tablewarden.platform.AtomicFiles;
import io.tablewarden.store.fixture.ExportedFixture;
import io.tablewarden.store.fixture.FixtureBuilder;
import io.tablewarden.store.fixture.StoredScan;
import io.tablewarden.store.fixture.StoredScanSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an account fixture from a stored scan's raw AWS answers, checks that the simulator would serve it, and
 * writes it: {@code scan --fixture} or {@code simulate --fixture} then replays the account offline.
 */
public final class FixtureExport {

    private final StoredScanSource.Opener opener;

    /** @param opener opens the stored scans of a database file */
    public FixtureExport(StoredScanSource.Opener opener) {
        this.opener = opener;
    }

    /**
     * A fixture made from a stored scan.
     *
     * @param fixture   the fixture and the account ids it masked
     * @param accountId the scanned account, as stored
     */
    public record Exported(ExportedFixture fixture, String accountId) {
        /** The id that stands for the scanned account in the fixture. */
        public String maskedAccountId() {
            return fixture.accountIds().get(accountId);
        }
    }

    /**
     * Builds the fixture of scan {@code scanId} in {@code database} with {@code builder}.
     *
     * @return empty when the database holds no such scan
     * @throws AppException when the database cannot be read, or the fixture would not be valid
     */
    public Optional<Exported> build(Path database, String scanId, FixtureBuilder builder) {
        StoredScan scan;
        try (StoredScanSource source = opener.open(database)) {
            Optional<StoredScan> found = source.find(scanId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            scan = found.get();
        } catch (IOException e) {
            throw new AppException(FailureKind.STORE, "cannot read the stored scans: " + reason(e), e);
        }
        ExportedFixture exported = builder.build(scan);
        String invalid = SimulatedAccounts.invalidFixture(exported.json());
        if (invalid != null) {
            throw new AppException(FailureKind.OTHER, "the fixture made from scan " + scanId + " is not valid: "
                    + invalid, null);
        }
        return Optional.of(new Exported(exported, scan.accountId()));
    }

    /**
     * Writes the fixture to {@code output} atomically.
     *
     * @throws AppException when the file cannot be written
     */
    public void write(Exported exported, Path output) {
        try {
            AtomicFiles.write(output, out -> out.write(exported.fixture().json().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AppException(FailureKind.OTHER, "cannot write " + output + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
