package io.tablewarden.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tablewarden.engine.ScanStats;
import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.RawResponse;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.Tag;
import io.tablewarden.store.codec.InventoryCodec;
import io.tablewarden.store.codec.StoreJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scans, their inventory and their results. Writes of one region go in one transaction, so a scan killed at
 * any moment leaves whole regions or nothing of them.
 */
public final class ScanRepository {

    /**
     * Rows sent to SQLite at a time inside a transaction: the driver holds a batch's parameters until it runs, and a
     * region of a large account has a hundred thousand results.
     */
    private static final int BATCH_ROWS = 1_000;

    private static final String SUMMARY_COLUMNS = """
            SELECT s.id, s.account_id, a.partition, s.caller_arn, p.name, s.regions_json, s.checks_json,
                   s.parameters_json, s.tool_version, s.started_at, s.finished_at, s.state, s.pass_count,
                   s.fail_count, s.error_count, s.not_applicable_count, s.failure_reason, s.reevaluation_of, a.alias
            FROM scan s
            LEFT JOIN account a ON a.account_id = s.account_id
            LEFT JOIN profile p ON p.id = s.profile_id""";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScanRepository.class);

    private final TablewardenStore store;

    ScanRepository(TablewardenStore store) {
        this.store = store;
    }

    /** Creates the scan row as running, owned by this process; returns its id. */
    public long create(NewScan scan) {
        synchronized (store.lock()) {
            return inTransaction("record the scan", c -> {
                if (scan.accountId() != null) {
                    upsertAccount(c, scan.accountId(), null, null);
                }
                Long profileId = scan.profileName() == null ? null : profileId(c, scan.profileName());
                ProcessHandle self = ProcessHandle.current();
                try (PreparedStatement st = c.prepareStatement("INSERT INTO scan (account_id, profile_id,"
                        + " regions_json, checks_json, parameters_json, tool_version, started_at, state, owner_pid,"
                        + " owner_started_at, reevaluation_of) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    st.setString(1, scan.accountId());
                    st.setObject(2, profileId);
                    st.setString(3, StoreJson.write(scan.regions()));
                    st.setString(4, StoreJson.write(scan.checkIds()));
                    st.setString(5, StoreJson.write(scan.parameters()));
                    st.setString(6, scan.toolVersion());
                    st.setString(7, scan.startedAt().toString());
                    st.setLong(8, self.pid());
                    st.setString(9, self.info().startInstant().map(Instant::toString).orElse(null));
                    st.setObject(10, scan.reevaluationOf());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
        }
    }

    /** Records whose account the scan audits and as whom, once the engine knows. */
    public void identify(long scanId, String accountId, String partition, String callerArn, List<String> regions) {
        identify(scanId, accountId, partition, callerArn, regions, null);
    }

    /** Same, with the account's alias (null keeps the alias an earlier scan found). */
    public void identify(long scanId, String accountId, String partition, String callerArn, List<String> regions,
                         String accountAlias) {
        synchronized (store.lock()) {
            inTransaction("record the scanned account", c -> {
                upsertAccount(c, accountId, partition, accountAlias);
                try (PreparedStatement st = c.prepareStatement("UPDATE scan SET account_id = ?,"
                        + " caller_arn = COALESCE(?, caller_arn), regions_json = COALESCE(?, regions_json)"
                        + " WHERE id = ?")) {
                    st.setString(1, accountId);
                    st.setString(2, callerArn);
                    st.setString(3, regions == null ? null : StoreJson.write(regions));
                    st.setLong(4, scanId);
                    st.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Writes one region's inventory, raw answers and results in one transaction. */
    public void writeRegion(long scanId, String region, RegionInventory inventory, List<RawResponse> raw,
                            List<CheckResult> results) {
        synchronized (store.lock()) {
            inTransaction("record the results of " + region, c -> {
                if (inventory != null) {
                    try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO region_inventory"
                            + " (scan_id, region, inventory_json) VALUES (?, ?, ?)")) {
                        st.setLong(1, scanId);
                        st.setString(2, region);
                        st.setString(3, InventoryCodec.encodeRegion(inventory));
                        st.executeUpdate();
                    }
                }
                insertRaw(c, scanId, raw);
                try (PreparedStatement st = c.prepareStatement("INSERT INTO result (scan_id, check_id, resource_arn,"
                        + " resource_name, resource_type, region, account_id, status, severity, status_text,"
                        + " evidence_json, placeholders_json, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int pending = 0;
                    for (CheckResult r : results) {
                        ResourceRef ref = r.resource();
                        st.setLong(1, scanId);
                        st.setString(2, r.checkId());
                        st.setString(3, ref.arn());
                        st.setString(4, ref.name());
                        st.setString(5, ref.type().name());
                        st.setString(6, ref.region());
                        st.setString(7, ref.accountId());
                        st.setString(8, r.status().name());
                        st.setString(9, r.severity().name());
                        st.setString(10, r.statusText());
                        st.setString(11, StoreJson.write(r.evidence()));
                        st.setString(12, StoreJson.write(r.placeholders()));
                        st.setString(13, r.cause());
                        st.addBatch();
                        if (++pending == BATCH_ROWS) {
                            st.executeBatch();
                            pending = 0;
                        }
                    }
                    st.executeBatch();
                }
                return null;
            });
        }
    }

    /**
     * Writes raw answers of a running scan ahead of their region's results, in one transaction, so that a large
     * region's answers need not wait in memory until the region ends.
     */
    public void writeRaw(long scanId, List<RawResponse> raw) {
        synchronized (store.lock()) {
            inTransaction("record raw answers", c -> {
                insertRaw(c, scanId, raw);
                return null;
            });
        }
    }

    private static void insertRaw(Connection c, long scanId, List<RawResponse> raw) throws SQLException {
        if (raw.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO raw_response (scan_id, region, action,"
                + " resource_key, request_json, response_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (RawResponse r : raw) {
                st.setLong(1, scanId);
                st.setString(2, r.region());
                st.setString(3, r.action());
                st.setString(4, r.resourceKey());
                st.setString(5, r.requestJson());
                st.setString(6, r.responseJson());
                st.addBatch();
                if (++pending == BATCH_ROWS) {
                    st.executeBatch();
                    pending = 0;
                }
            }
            st.executeBatch();
        }
    }

    /** Ends the scan: its state, end time, stats and the counts per status of what was written. */
    public void finish(long scanId, StoredScanState state, Instant finishedAt, String failureReason,
                       ScanStats stats) {
        synchronized (store.lock()) {
            inTransaction("finish the scan", c -> {
                try (PreparedStatement st = c.prepareStatement("""
                        UPDATE scan SET state = ?2, finished_at = ?3, failure_reason = ?4, stats_json = ?5,
                            pass_count = (SELECT count(*) FROM result WHERE scan_id = ?1 AND status = 'PASS'),
                            fail_count = (SELECT count(*) FROM result WHERE scan_id = ?1 AND status = 'FAIL'),
                            error_count = (SELECT count(*) FROM result WHERE scan_id = ?1 AND status = 'ERROR'),
                            not_applicable_count = (SELECT count(*) FROM result
                                                    WHERE scan_id = ?1 AND status = 'NOT_APPLICABLE'),
                            owner_pid = NULL, owner_started_at = NULL
                        WHERE id = ?1""")) {
                    st.setLong(1, scanId);
                    st.setString(2, state.dbValue());
                    st.setString(3, finishedAt == null ? null : finishedAt.toString());
                    st.setString(4, failureReason);
                    st.setString(5, stats == null ? null : StoreJson.write(stats));
                    st.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Scans, newest first; only those of {@code accountId} when it is not null. */
    public List<ScanSummary> list(String accountId) {
        synchronized (store.lock()) {
            return query("list the scans", SUMMARY_COLUMNS
                    + (accountId == null ? "" : " WHERE s.account_id = ?") + " ORDER BY s.id DESC", st -> {
                if (accountId != null) {
                    st.setString(1, accountId);
                }
            }, ScanRepository::summary);
        }
    }

    /** One scan. */
    public Optional<ScanSummary> find(long scanId) {
        synchronized (store.lock()) {
            List<ScanSummary> found = query("read the scan", SUMMARY_COLUMNS + " WHERE s.id = ?",
                    st -> st.setLong(1, scanId), ScanRepository::summary);
            return found.stream().findFirst();
        }
    }

    /** The scan, or an UnknownScanException naming the id. */
    public ScanSummary require(long scanId) {
        return find(scanId).orElseThrow(() -> new UnknownScanException(scanId, "there is no scan " + scanId
                + " in " + store.file()));
    }

    /** The results of a scan in the engine's order (region, resource ARN, check id). */
    public List<CheckResult> results(long scanId) {
        synchronized (store.lock()) {
            return query("read the results", "SELECT check_id, resource_arn, resource_name, resource_type, region,"
                    + " account_id, status, severity, status_text, evidence_json, placeholders_json, cause FROM result"
                    + " WHERE scan_id = ? ORDER BY region, resource_arn, check_id, id",
                    st -> st.setLong(1, scanId), rs -> new CheckResult(rs.getString(1),
                            new ResourceRef(rs.getString(2), rs.getString(3), ResourceType.valueOf(rs.getString(4)),
                                    rs.getString(5), rs.getString(6)),
                            Status.valueOf(rs.getString(7)), Severity.valueOf(rs.getString(8)), rs.getString(9),
                            StoreJson.readObject(rs.getString(10)),
                            StoreJson.read(rs.getString(11), new TypeReference<Map<String, String>>() { }),
                            knownCause(rs.getString(12))));
        }
    }

    /** How many results of scan {@code scanId} are stored, counted by the database without reading them. */
    public int resultCount(long scanId) {
        synchronized (store.lock()) {
            return query("count the results", "SELECT count(*) FROM result WHERE scan_id = ?",
                    st -> st.setLong(1, scanId), rs -> rs.getInt(1)).get(0);
        }
    }

    /** A stored cause id, or null for none or for a value that is not a cause id (a damaged row keeps its result). */
    private static String knownCause(String cause) {
        return cause != null && CheckResult.CAUSE_ID.matcher(cause).matches() ? cause : null;
    }

    /**
     * When each finding of scan {@code scanId} was first seen: the start of the earliest stored scan of the same
     * account that holds a result with the same identity (the scan itself included). One statement for the whole
     * scan; each result is looked up in each of the account's scans through the result index.
     *
     * @return start instants keyed by {@link CheckResult#identity()}
     */
    public Map<String, Instant> firstSeen(long scanId) {
        // julianday() orders instants whatever their number of fractional digits, which text comparison would
        // not; SQLite takes the bare started_at from the row holding the minimum.
        String sql = "SELECT cur.check_id, cur.account_id, cur.region, cur.resource_arn, s.started_at,"
                + " min(julianday(s.started_at)) FROM result cur"
                + " JOIN scan s ON s.account_id = (SELECT account_id FROM scan WHERE id = ?1)"
                + " JOIN result r ON r.scan_id = s.id AND r.region = cur.region AND r.resource_arn = cur.resource_arn"
                + " AND r.check_id = cur.check_id AND r.account_id = cur.account_id"
                + " WHERE cur.scan_id = ?1 GROUP BY cur.check_id, cur.account_id, cur.region, cur.resource_arn";
        Map<String, Instant> firstSeen = new HashMap<>();
        synchronized (store.lock()) {
            query("read when the findings were first seen", sql, st -> st.setLong(1, scanId), rs -> {
                firstSeen.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4), Instant.parse(rs.getString(5)));
                return null;
            });
        }
        return firstSeen;
    }

    /** The results with the {@code muted} flag of the mutes active now. */
    public List<StoredResult> resultsWithMutes(long scanId) {
        List<CheckResult> results = results(scanId);
        Map<String, Mute> covering = covering(scanId, results);
        List<StoredResult> out = new ArrayList<>();
        for (CheckResult r : results) {
            out.add(new StoredResult(r, covering.containsKey(r.identity())));
        }
        return out;
    }

    /** The first active mute covering each muted result of the scan, keyed by {@link CheckResult#identity()}. */
    public Map<String, Mute> coveringMutes(long scanId) {
        return covering(scanId, results(scanId));
    }

    private Map<String, Mute> covering(long scanId, List<CheckResult> results) {
        List<Mute> mutes = store.mutes().activeAt(store.clock().instant());
        Map<String, Mute> out = new LinkedHashMap<>();
        if (mutes.isEmpty()) {
            return out;
        }
        // Only imported rules look at tags; the stored inventory is read for them alone.
        Map<String, List<Tag>> tags = mutes.stream().anyMatch(m -> m.rule() != null)
                ? ResourceTags.of(inventory(scanId)) : Map.of();
        for (CheckResult r : results) {
            List<Tag> resourceTags = tags.getOrDefault(r.resource().arn(), List.of());
            for (Mute mute : mutes) {
                if (mute.matches(r, resourceTags)) {
                    out.put(r.identity(), mute);
                    break;
                }
            }
        }
        return out;
    }

    /** The typed inventory of a scan, regions in scan order; only regions whose results were written. */
    public AccountInventory inventory(long scanId) {
        ScanSummary scan = require(scanId);
        synchronized (store.lock()) {
            List<RegionInventory> regions = query("read the inventory", "SELECT inventory_json FROM"
                    + " region_inventory WHERE scan_id = ? ORDER BY region", st -> st.setLong(1, scanId),
                    rs -> InventoryCodec.decodeRegion(rs.getString(1)));
            return new AccountInventory(scan.accountId(), scan.partition() == null ? "aws" : scan.partition(),
                    scan.callerArn(), scan.startedAt(), regions, scan.accountAlias());
        }
    }

    /** The raw AWS answers of a scan, in the order they arrived. */
    public List<RawResponse> rawResponses(long scanId) {
        synchronized (store.lock()) {
            return query("read the raw responses", "SELECT region, action, resource_key, request_json,"
                    + " response_json FROM raw_response WHERE scan_id = ? ORDER BY id", st -> st.setLong(1, scanId),
                    rs -> new RawResponse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
        }
    }

    /** The call figures of a finished scan, or null. */
    public ScanStats stats(long scanId) {
        synchronized (store.lock()) {
            List<String> json = query("read the scan figures", "SELECT stats_json FROM scan WHERE id = ?",
                    st -> st.setLong(1, scanId), rs -> rs.getString(1));
            return json.isEmpty() || json.get(0) == null ? null : StoreJson.read(json.get(0), ScanStats.class);
        }
    }

    /** Running scans whose process is gone become interrupted; returns how many. */
    int markAbandonedScansInterrupted() {
        synchronized (store.lock()) {
            List<long[]> abandoned = new ArrayList<>();
            query("look for unfinished scans", "SELECT id, owner_pid, owner_started_at FROM scan"
                    + " WHERE state = 'running'", st -> { }, rs -> {
                        if (!ScanOwner.isAlive(rs.getObject(2) == null ? -1 : rs.getLong(2), rs.getString(3))) {
                            abandoned.add(new long[] {rs.getLong(1)});
                        }
                        return null;
                    });
            for (long[] id : abandoned) {
                finish(id[0], StoredScanState.INTERRUPTED, null,
                        "the process recording the scan ended before the scan finished", null);
            }
            return abandoned.size();
        }
    }

    private static void upsertAccount(Connection c, String accountId, String partition, String alias)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO account (account_id, partition, alias)"
                + " VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
                + " partition = COALESCE(excluded.partition, partition), alias = COALESCE(excluded.alias, alias)")) {
            st.setString(1, accountId);
            st.setString(2, partition);
            st.setString(3, alias);
            st.executeUpdate();
        }
    }

    private static long profileId(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO profile (name) VALUES (?)"
                + " ON CONFLICT (name) DO NOTHING")) {
            st.setString(1, name);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM profile WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ScanSummary summary(ResultSet rs) throws SQLException {
        String finished = rs.getString(11);
        Object reevaluation = rs.getObject(18);
        return new ScanSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                StoreJson.readStrings(rs.getString(6)), StoreJson.readStrings(rs.getString(7)),
                StoreJson.read(rs.getString(8), CheckParameters.class), rs.getString(9),
                Instant.parse(rs.getString(10)), finished == null ? null : Instant.parse(finished),
                StoredScanState.fromDb(rs.getString(12)), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
                rs.getString(17), reevaluation == null ? null : ((Number) reevaluation).longValue(), rs.getString(19));
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. A busy or locked database is waited for: SQLite's busy timeout on each
     * attempt, then further attempts with a growing pause until the store's retry budget is spent.
     */
    private <T> T inTransaction(String what, SqlWork<T> work) {
        return inTransaction(store, what, work);
    }

    /** The same for any repository of {@code store}: every write of the store follows this one discipline. */
    static <T> T inTransaction(TablewardenStore store, String what, SqlWork<T> work) {
        Connection c = store.connection();
        WriteRetry retry = store.retry();
        long deadline = System.nanoTime() + retry.budget().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    c.setAutoCommit(false);
                    T value = work.run(c);
                    c.commit();
                    return value;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    resetAutoCommit(c);
                }
            } catch (SQLException e) {
                long pause = WriteRetry.pauseMillis(attempt);
                if (!WriteRetry.busy(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw failure(what, e);
                }
                LOG.debug("the database is busy; attempt {} to {} in {} ms", attempt + 1, what, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure(what, e);
                }
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // nothing was begun (BEGIN itself was refused) or the transaction is already gone
        }
    }

    /** Back to autocommit, even when BEGIN failed and the driver thinks a transaction is open. */
    private static void resetAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the driver's flag is reset before it runs COMMIT; a COMMIT with no transaction fails harmlessly
        }
    }

    private <T> List<T> query(String what, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement st = store.connection().prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
        return rows;
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in the database: " + e.getMessage(), e);
    }
}
