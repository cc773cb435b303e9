-- Accounts, profiles, scans, their inventory and their results.
CREATE TABLE account (
    account_id TEXT PRIMARY KEY,
    alias      TEXT,
    partition  TEXT
);

-- Only the profile's name: credentials are never stored.
CREATE TABLE profile (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE scan (
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
        CHECK (state IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
    pass_count           INTEGER NOT NULL DEFAULT 0,
    fail_count           INTEGER NOT NULL DEFAULT 0,
    error_count          INTEGER NOT NULL DEFAULT 0,
    not_applicable_count INTEGER NOT NULL DEFAULT 0,
    failure_reason       TEXT,
    stats_json           TEXT,
    owner_pid            INTEGER,
    owner_started_at     TEXT
);
CREATE INDEX scan_by_account ON scan(account_id, started_at);
CREATE INDEX scan_by_state ON scan(state);

-- The typed inventory of one region, as InventoryCodec writes it.
CREATE TABLE region_inventory (
    scan_id        INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,
    region         TEXT NOT NULL,
    inventory_json TEXT NOT NULL,
    PRIMARY KEY (scan_id, region)
);

-- AWS answers exactly as received.
CREATE TABLE raw_response (
    id            INTEGER PRIMARY KEY,
    scan_id       INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,
    region        TEXT NOT NULL,
    action        TEXT NOT NULL,
    resource_key  TEXT,
    request_json  TEXT,
    response_json TEXT NOT NULL
);
CREATE INDEX raw_response_by_scan ON raw_response(scan_id, region);

CREATE TABLE result (
    id                INTEGER PRIMARY KEY,
    scan_id           INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,
    check_id          TEXT NOT NULL,
    resource_arn      TEXT NOT NULL,
    resource_name     TEXT,
    resource_type     TEXT NOT NULL,
    region            TEXT NOT NULL,
    account_id        TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('PASS', 'FAIL', 'ERROR', 'NOT_APPLICABLE')),
    severity          TEXT NOT NULL,
    status_text       TEXT NOT NULL,
    evidence_json     TEXT NOT NULL,
    placeholders_json TEXT NOT NULL
);
CREATE INDEX result_by_scan ON result(scan_id, region, resource_arn, check_id);
