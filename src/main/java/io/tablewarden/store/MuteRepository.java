package io.tablewarden.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tablewarden.store.codec.StoreJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutes, which live independently of scans so that they apply to every later scan. */
public final class MuteRepository {

    private final TablewardenStore store;

    MuteRepository(TablewardenStore store) {
        this.store = store;
    }

    /** Stores a new mute and returns it with its id. */
    public Mute add(String checkId, String resource, String reason, String createdBy, Instant expiresAt) {
        Mute mute = new Mute(0, checkId, resource, reason, createdBy, store.clock().instant(), expiresAt);
        return addAll(List.of(mute)).get(0);
    }

    /**
     * Stores several mutes in one transaction: all of them or, when one cannot be stored, none. Their ids and
     * creation times are set here.
     */
    public List<Mute> addAll(List<Mute> mutes) {
        for (Mute mute : mutes) {
            validate(mute);
        }
        Instant now = store.clock().instant();
        synchronized (store.lock()) {
            Connection c = store.connection();
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    List<Mute> stored = new ArrayList<>();
                    for (Mute mute : mutes) {
                        stored.add(insert(c, mute, now));
                    }
                    c.commit();
                    return stored;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("store the mute", e);
            }
        }
    }

    private static void validate(Mute mute) {
        if (mute.checkId() == null || mute.checkId().isBlank() || mute.resource() == null
                || mute.resource().isBlank()) {
            throw new IllegalArgumentException("a mute needs a check id and a resource ARN or pattern");
        }
        if (mute.reason() == null || mute.reason().isBlank()) {
            throw new IllegalArgumentException("a mute needs a reason");
        }
    }

    private static Mute insert(Connection c, Mute mute, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO mute (check_id, resource, reason, created_by, created_at, expires_at, rule_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, mute.checkId());
            st.setString(2, mute.resource());
            st.setString(3, mute.reason());
            st.setString(4, mute.createdBy());
            st.setString(5, now.toString());
            st.setString(6, mute.expiresAt() == null ? null : mute.expiresAt().toString());
            st.setString(7, mute.rule() == null ? null : StoreJson.write(mute.rule()));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new Mute(keys.getLong(1), mute.checkId(), mute.resource(), mute.reason(), mute.createdBy(),
                        now, mute.expiresAt(), mute.rule());
            }
        }
    }

    /** Removes a mute; false when there was none with this id. */
    public boolean remove(long id) {
        synchronized (store.lock()) {
            try (PreparedStatement st = store.connection().prepareStatement("DELETE FROM mute WHERE id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate() == 1;
            } catch (SQLException e) {
                throw ScanRepository.failure("remove the mute", e);
            }
        }
    }

    /** Every mute, expired ones included, oldest first. */
    public List<Mute> all() {
        synchronized (store.lock()) {
            List<Mute> mutes = new ArrayList<>();
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, check_id, resource, reason, created_by, created_at,"
                         + " expires_at, rule_json FROM mute ORDER BY id")) {
                while (rs.next()) {
                    String expires = rs.getString(7);
                    String rule = rs.getString(8);
                    mutes.add(new Mute(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6)),
                            expires == null ? null : Instant.parse(expires),
                            rule == null ? null : StoreJson.read(rule, new TypeReference<MuteRule>() { })));
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("read the mutes", e);
            }
            return mutes;
        }
    }

    /** The mutes that apply at {@code now}. */
    public List<Mute> activeAt(Instant now) {
        List<Mute> active = new ArrayList<>();
        for (Mute mute : all()) {
            if (mute.isActiveAt(now)) {
                active.add(mute);
            }
        }
        return active;
    }
}
