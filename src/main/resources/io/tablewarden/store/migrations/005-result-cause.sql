-- Why a resource failed, as one of its check's cause ids; it picks the fix for that cause. Rows of older databases
-- keep NULL and show the check's generic fix.
ALTER TABLE result ADD COLUMN cause TEXT;
