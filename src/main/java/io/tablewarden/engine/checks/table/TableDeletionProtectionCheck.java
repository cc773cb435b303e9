package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.InventoryPart;

/** DynamoDB.6: deletion protection is enabled; an absent field means it is off. */
public final class TableDeletionProtectionCheck extends TableCheck {

    public static final String ID = "dynamodb_table_deletion_protection_enabled";

    public TableDeletionProtectionCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        Boolean enabled = subject.description().deletionProtectionEnabled();
        Verdict verdict = Boolean.TRUE.equals(enabled)
                ? Verdict.pass("Deletion protection is enabled on " + subject.label() + ".")
                : Verdict.fail("Deletion protection is " + (enabled == null ? "not set" : "disabled") + " on "
                        + subject.label() + ", so one DeleteTable call removes it.");
        return verdict.evidence("DeletionProtectionEnabled", enabled);
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.noneOf(InventoryPart.class);
    }
}
