-- A mute imported from a Prowler mutelist carries its rule (regions, regular expressions, tags, exceptions) as
-- JSON; the rows of older databases keep NULL and stay glob mutes on check_id and resource.
ALTER TABLE mute ADD COLUMN rule_json TEXT;
