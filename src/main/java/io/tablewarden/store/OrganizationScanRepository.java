package io.tablewarden.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Organisation scans: one row per run over an organisation, and one per account of the organisation naming the
 * account's own scan (kept by {@link ScanRepository} like any other) or why it has none.
 */
public final class OrganizationScanRepository {

    private final TablewardenStore store;

    OrganizationScanRepository(TablewardenStore store) {
        this.store = store;
    }

    /** Creates the organisation scan as running; returns its id. */
    public long create(String organizationId, String managementAccountId, String callerAccountId,
                       String profileName, String roleName, Instant startedAt) {
        synchronized (store.lock()) {
            return ScanRepository.inTransaction(store, "record the organisation scan", c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO organization_scan (organization_id,"
                        + " management_account_id, caller_account_id, profile_name, role_name, started_at, state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
                    st.setString(1, organizationId);
                    st.setString(2, managementAccountId);
                    st.setString(3, callerAccountId);
                    st.setString(4, profileName);
                    st.setString(5, roleName);
                    st.setString(6, startedAt.toString());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
        }
    }

    /** Records (or replaces) what became of one account. */
    public void putAccount(long organizationScanId, OrganizationScanAccount account) {
        synchronized (store.lock()) {
            ScanRepository.inTransaction(store, "record an account of the organisation scan", c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO organization_scan_account"
                        + " (organization_scan_id, account_id, account_name, unit_id, unit_path, outcome, scan_id,"
                        + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    st.setLong(1, organizationScanId);
                    st.setString(2, account.accountId());
                    st.setString(3, account.accountName());
                    st.setString(4, account.unitId());
                    st.setString(5, account.unitPath());
                    st.setString(6, account.outcome().column());
                    st.setObject(7, account.scanId());
                    st.setString(8, account.message());
                    st.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Ends the organisation scan: {@code completed}, {@code cancelled} or {@code failed}. */
    public void finish(long organizationScanId, String state, Instant finishedAt) {
        if (!List.of("completed", "cancelled", "failed").contains(state)) {
            throw new IllegalArgumentException("not a final state: " + state);
        }
        synchronized (store.lock()) {
            ScanRepository.inTransaction(store, "finish the organisation scan", c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE organization_scan SET state = ?, finished_at = ? WHERE id = ?")) {
                    st.setString(1, state);
                    st.setString(2, finishedAt.toString());
                    st.setLong(3, organizationScanId);
                    st.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Every organisation scan, newest first. */
    public List<OrganizationScanSummary> list() {
        synchronized (store.lock()) {
            List<OrganizationScanSummary> out = new ArrayList<>();
            try (PreparedStatement st = store.connection().prepareStatement(SELECT + " ORDER BY id DESC");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("read the organisation scans", e);
            }
            return out;
        }
    }

    /** One organisation scan, if the database holds it. */
    public Optional<OrganizationScanSummary> find(long organizationScanId) {
        synchronized (store.lock()) {
            try (PreparedStatement st = store.connection().prepareStatement(SELECT + " WHERE id = ?")) {
                st.setLong(1, organizationScanId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("read organisation scan " + organizationScanId, e);
            }
        }
    }

    /** One organisation scan; an id the database does not hold is the caller's mistake. */
    public OrganizationScanSummary require(long organizationScanId) {
        return find(organizationScanId).orElseThrow(() -> new UnknownScanException(organizationScanId,
                "no organisation scan " + organizationScanId + " in " + store.file()));
    }

    /** The organisation scan a scan belongs to, if any. */
    public Optional<Long> organizationScanOf(long scanId) {
        synchronized (store.lock()) {
            try (PreparedStatement st = store.connection().prepareStatement(
                    "SELECT organization_scan_id FROM organization_scan_account WHERE scan_id = ?")) {
                st.setLong(1, scanId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("read the organisation scan of scan " + scanId, e);
            }
        }
    }

    private static final String SELECT = "SELECT id, organization_id, management_account_id, caller_account_id,"
            + " profile_name, role_name, started_at, finished_at, state FROM organization_scan";

    private OrganizationScanSummary summary(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String finished = rs.getString(8);
        return new OrganizationScanSummary(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Instant.parse(rs.getString(7)), finished == null ? null : Instant.parse(finished),
                rs.getString(9), accounts(id));
    }

    private List<OrganizationScanAccount> accounts(long organizationScanId) throws SQLException {
        List<OrganizationScanAccount> out = new ArrayList<>();
        try (PreparedStatement st = store.connection().prepareStatement("SELECT account_id, account_name, unit_id,"
                + " unit_path, outcome, scan_id, message FROM organization_scan_account"
                + " WHERE organization_scan_id = ? ORDER BY account_id")) {
            st.setLong(1, organizationScanId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long scan = rs.getLong(6);
                    Long scanId = rs.wasNull() ? null : scan;
                    out.add(new OrganizationScanAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), OrganizationScanAccount.Outcome.valueOf(
                                    rs.getString(5).toUpperCase(java.util.Locale.ROOT)), scanId, rs.getString(7)));
                }
            }
        }
        return out;
    }
}
