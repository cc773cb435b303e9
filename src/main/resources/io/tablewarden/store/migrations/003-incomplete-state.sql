-- A scan whose results could not all be stored is 'incomplete', never 'completed'. SQLite cannot change a CHECK
-- constraint in place, so the table is rebuilt (the migrator turns foreign keys off around it, so no child row is
-- touched) with the same columns, in the same order, and its indexes.
CREATE TABLE scan_new (
    id                   INTEGER PRIMARY KEY,
    account_id           TEXT REFERENCES account(account_id),
    profile_id           INTEGER REFERENCES profile(id),
    caller_arn           TEXT,
    regions_json         TEXT NOT NULL,
    checks_json          TEXT NOT NULL,
    parameters_json      TEXT NOT NULL,
    tool_version         TEXT,
    started_at           TEXT NOT NULL,
    finished_at          TEXT,
    state                TEXT NOT NULL
        CHECK (state IN ('running', 'completed', 'incomplete', 'cancelled', 'failed', 'interrupted')),
    pass_count           INTEGER NOT NULL DEFAULT 0,
    fail_count           INTEGER NOT NULL DEFAULT 0,
    error_count          INTEGER NOT NULL DEFAULT 0,
    not_applicable_count INTEGER NOT NULL DEFAULT 0,
    failure_reason       TEXT,
    stats_json           TEXT,
    owner_pid            INTEGER,
    owner_started_at     TEXT,
    reevaluation_of      INTEGER REFERENCES scan_new(id)
);
INSERT INTO scan_new SELECT id, account_id, profile_id, caller_arn, regions_json, checks_json, parameters_json,
    tool_version, started_at, finished_at, state, pass_count, fail_count, error_count, not_applicable_count,
    failure_reason, stats_json, owner_pid, owner_started_at, reevaluation_of FROM scan;
DROP TABLE scan;
ALTER TABLE scan_new RENAME TO scan;
CREATE INDEX scan_by_account ON scan(account_id, started_at);
CREATE INDEX scan_by_state ON scan(state);
