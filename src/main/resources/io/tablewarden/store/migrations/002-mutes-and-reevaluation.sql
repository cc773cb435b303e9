-- Mutes outlive scans; a result is muted when an active mute matches it at read time.
CREATE TABLE mute (
    id           INTEGER PRIMARY KEY,
    check_id     TEXT NOT NULL,
    resource     TEXT NOT NULL,  -- an exact ARN or a glob pattern (* and ?)
    reason       TEXT NOT NULL,
    created_by   TEXT,
    created_at   TEXT NOT NULL,
    expires_at   TEXT
);
CREATE INDEX mute_by_check ON mute(check_id);

-- A scan computed offline from the inventory of another one.
ALTER TABLE scan ADD COLUMN reevaluation_of INTEGER REFERENCES scan(id);
