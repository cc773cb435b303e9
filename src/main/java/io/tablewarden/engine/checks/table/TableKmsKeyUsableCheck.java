package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.CheckCause;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableKmsKey;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.TableDescription;

import java.util.List;
import java.util.Locale;

/**
 * The KMS key of the table can still be used: KeyState Enabled and the table not in
 * INACCESSIBLE_ENCRYPTION_CREDENTIALS. A disabled or deleted key makes the table unreadable and, after
 * seven days, archived. Tables on the AWS-owned key are NOT_APPLICABLE.
 */
public final class TableKmsKeyUsableCheck extends TableCheck {

    public static final String ID = "dynamodb_table_kms_key_usable";
    static final String INACCESSIBLE = "INACCESSIBLE_ENCRYPTION_CREDENTIALS";

    /** The key states a fix can bring back to Enabled without a new key. */
    public enum Cause implements CheckCause {
        /** KeyState Disabled: enable it. */
        KEY_DISABLED,
        /** KeyState PendingDeletion: cancel the deletion before its date, then enable it. */
        KEY_PENDING_DELETION,
        /** KeyState PendingImport: import the same key material again. */
        KEY_PENDING_IMPORT;

        static Cause of(String keyState) {
            if (keyState == null) {
                return null;
            }
            return switch (keyState) {
                case "Disabled" -> KEY_DISABLED;
                case "PendingDeletion" -> KEY_PENDING_DELETION;
                case "PendingImport" -> KEY_PENDING_IMPORT;
                default -> null;
            };
        }
    }

    public TableKmsKeyUsableCheck() {
        super(ID);
    }

    @Override
    public List<String> causes() {
        return CheckCause.ids(Cause.values());
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        TableDescription description = subject.description();
        TableKmsKey key = TableKmsKey.of(description, subject.region());
        if (key.kind() == TableKmsKey.Kind.AWS_OWNED) {
            return Verdict.notApplicable("Table " + subject.name() + " uses the AWS-owned default key, which the "
                    + "account cannot disable or delete.").evidence(key.evidence(description));
        }
        KmsKeyInventory.KeyMetadata metadata = key.metadata();
        Verdict verdict;
        if (INACCESSIBLE.equals(description.tableStatus())) {
            // The table status alone proves the key is unusable, whatever DescribeKey said.
            verdict = Verdict.fail("Table " + subject.name() + " is " + INACCESSIBLE + ": DynamoDB cannot use its key "
                    + key.keyArn() + (metadata == null ? "" : " (KeyState " + metadata.keyState() + ")")
                    + (description.sse().inaccessibleEncryptionDateTime() == null ? ""
                    : " since " + description.sse().inaccessibleEncryptionDateTime())
                    + (metadata == null || metadata.deletionDate() == null ? ""
                    : "; the key will be deleted on " + metadata.deletionDate()) + ".");
        } else if (metadata == null) {
            return Verdict.error("The state of the key of table " + subject.name() + " could not be read: "
                    + key.problem() + ".").evidence(key.evidence(description))
                    .placeholder(Placeholders.KMS_KEY_ARN, key.keyArn());
        } else if ("Enabled".equals(metadata.keyState())) {
            verdict = Verdict.pass("The key " + key.keyArn() + " of table " + subject.name() + " is Enabled.");
        } else {
            verdict = Verdict.fail("The key " + key.keyArn() + " of table " + subject.name() + " is "
                    + metadata.keyState()
                    + (metadata.deletionDate() == null ? "" : " and will be deleted on " + metadata.deletionDate())
                    + "; the table becomes unreadable while the key cannot be used.");
        }
        verdict.evidence("TableStatus", description.tableStatus()).evidence(key.evidence(description));
        if (metadata != null && metadata.deletionDate() != null) {
            verdict.evidence("KeyMetadata.DeletionDate", metadata.deletionDate().toString());
        }
        if (description.sse().inaccessibleEncryptionDateTime() != null) {
            verdict.evidence("SSEDescription.InaccessibleEncryptionDateTime",
                    description.sse().inaccessibleEncryptionDateTime().toString());
        }
        if (verdict.status() == Status.FAIL && metadata != null && key.keyArn() != null) {
            Cause cause = Cause.of(metadata.keyState());
            if (cause == Cause.KEY_PENDING_DELETION && metadata.deletionDate() != null) {
                verdict.cause(cause).placeholder(Placeholders.KEY_DELETION_DATE, metadata.deletionDate().toString());
            } else if (cause != null && cause != Cause.KEY_PENDING_DELETION) {
                verdict.cause(cause);
            }
        }
        return verdict.placeholder(Placeholders.KMS_KEY_ARN, key.keyArn());
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.KMS_KEYS);
    }
}
