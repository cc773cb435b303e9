package io.tablewarden.store;

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
        if (checkId == null || checkId.isBlank() || resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("a mute needs a check id and a resource ARN or pattern");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a mute needs a reason");
        }
        Instant now = store.clock().instant();
        synchronized (store.lock()) {
            try (PreparedStatement st = store.connection().prepareStatement(
                    "INSERT INTO mute (check_id, resource, reason, created_by, created_at, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, checkId);
                st.setString(2, resource);
                st.setString(3, reason);
                st.setString(4, createdBy);
                st.setString(5, now.toString());
                st.setString(6, expiresAt == null ? null : expiresAt.toString());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return new Mute(keys.getLong(1), checkId, resource, reason, createdBy, now, expiresAt);
                }
            } catch (SQLException e) {
                throw ScanRepository.failure("store the mute", e);
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
                         + " expires_at FROM mute ORDER BY id")) {
                while (rs.next()) {
                    String expires = rs.getString(7);
                    mutes.add(new Mute(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6)),
                            expires == null ? null : Instant.parse(expires)));
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
