package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableKmsKey;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.InventoryPart;

/**
 * Automatic rotation is enabled on the table's customer-managed key. AWS-owned and AWS-managed keys are
 * rotated by AWS, so those tables are NOT_APPLICABLE; a key whose kind cannot be read is ERROR.
 */
public final class TableKmsKeyRotationCheck extends TableCheck {

    public static final String ID = "dynamodb_table_kms_key_rotation_enabled";

    public TableKmsKeyRotationCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        TableKmsKey key = TableKmsKey.of(subject.description(), subject.region());
        Verdict verdict;
        switch (key.kind()) {
            case AWS_OWNED:
            case AWS_MANAGED:
                verdict = Verdict.notApplicable("Table " + subject.name() + " uses " + key.kind().phrase()
                        + ", which AWS rotates itself.");
                break;
            case UNKNOWN:
                verdict = Verdict.error("Whether the key of table " + subject.name()
                        + " is customer-managed could not be read: " + key.problem() + ".");
                break;
            default:
                verdict = rotation(subject, key);
        }
        return verdict.evidence(key.evidence(subject.description()))
                .placeholder(Placeholders.KMS_KEY_ARN, key.keyArn());
    }

    private static Verdict rotation(TableSubject subject, TableKmsKey key) {
        Fetch<Boolean> rotation = key.key().rotationEnabled();
        if (rotation == null) {
            return Verdict.error("The rotation status of key " + key.keyArn() + " of table " + subject.name()
                    + " was not collected (kms:GetKeyRotationStatus).");
        }
        if (rotation.isFailed()) {
            return Verdict.error("The rotation status of key " + key.keyArn() + " of table " + subject.name()
                    + " could not be read: " + rotation.error().describe() + ".");
        }
        String state = key.metadata().keyState();
        Verdict verdict = Boolean.TRUE.equals(rotation.value())
                ? Verdict.pass("Automatic rotation is enabled on the customer-managed key " + key.keyArn()
                        + " of table " + subject.name() + ".")
                : Verdict.fail("Automatic rotation is disabled on the customer-managed key " + key.keyArn()
                        + " of table " + subject.name()
                        + ("Enabled".equals(state) ? "" : " (KeyState " + state + ")") + ".");
        return verdict.evidence("KeyRotationEnabled", rotation.value());
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.KMS_KEYS);
    }
}
