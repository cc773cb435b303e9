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

    /** Why rotation is off, when the key's state narrows the fix. */
    public enum Cause implements io.tablewarden.engine.checks.support.CheckCause {
        /** The key is Enabled: turning rotation on is one change for every table on the key. */
        ROTATION_OFF,
        /** The key is Disabled: KMS turns rotation on only for an enabled key, so the key is enabled first. */
        KEY_DISABLED;
    }

    @Override
    public java.util.List<String> causes() {
        return io.tablewarden.engine.checks.support.CheckCause.ids(Cause.values());
    }

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
        boolean symmetric = key.metadata().keySpec() == null || "SYMMETRIC_DEFAULT".equals(key.metadata().keySpec());
        boolean awsKms = key.metadata().origin() == null || "AWS_KMS".equals(key.metadata().origin());
        if (!Boolean.TRUE.equals(rotation.value()) && symmetric && awsKms
                && ("Enabled".equals(state) || "Disabled".equals(state))) {
            // Automatic rotation exists only for symmetric keys with key material KMS made; the others keep the
            // generic fix, which says what to do instead.
            return Verdict.fail("Automatic rotation is disabled on the customer-managed key " + key.keyArn()
                    + " of table " + subject.name() + ("Enabled".equals(state) ? "" : " (KeyState " + state
                    + ": KMS turns rotation on only for an enabled key)") + ".")
                    .evidence("KeyRotationEnabled", rotation.value())
                    .cause("Enabled".equals(state) ? Cause.ROTATION_OFF : Cause.KEY_DISABLED);
        }
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
