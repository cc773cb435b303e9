-- An organisation scan groups the scans of its member accounts. Each account the organisation listed gets a row:
-- scanned (with its scan), refused (the role could not be assumed), skipped (suspended) or left out by the options.
CREATE TABLE organization_scan (
    id                    INTEGER PRIMARY KEY,
    organization_id       TEXT NOT NULL,
    management_account_id TEXT NOT NULL,
    caller_account_id     TEXT,
    profile_name          TEXT,
    role_name             TEXT NOT NULL,
    started_at            TEXT NOT NULL,
    finished_at           TEXT,
    state                 TEXT NOT NULL
        CHECK (state IN ('running', 'completed', 'cancelled', 'failed'))
);
CREATE INDEX organization_scan_by_organization ON organization_scan(organization_id, started_at);

CREATE TABLE organization_scan_account (
    organization_scan_id INTEGER NOT NULL REFERENCES organization_scan(id) ON DELETE CASCADE,
    account_id           TEXT NOT NULL,
    account_name         TEXT,
    unit_id              TEXT,
    unit_path            TEXT,
    outcome              TEXT NOT NULL
        CHECK (outcome IN ('scanned', 'error', 'suspended', 'excluded', 'cancelled')),
    scan_id              INTEGER REFERENCES scan(id) ON DELETE SET NULL,
    message              TEXT,
    PRIMARY KEY (organization_scan_id, account_id)
);
CREATE INDEX organization_scan_account_by_scan ON organization_scan_account(scan_id);
