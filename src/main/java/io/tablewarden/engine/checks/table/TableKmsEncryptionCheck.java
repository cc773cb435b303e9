package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableKmsKey;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.InventoryPart;

/**
 * The table is encrypted with a KMS key (AWS-managed or customer-managed) rather than the AWS-owned
 * default key. The verdict rests on SSEType alone; DescribeKey only adds which kind of key it is to the
 * text, so a failed DescribeKey does not turn the verdict into ERROR.
 */
public final class TableKmsEncryptionCheck extends TableCheck {

    public static final String ID = "dynamodb_tables_kms_cmk_encryption_enabled";

    public TableKmsEncryptionCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        TableKmsKey key = TableKmsKey.of(subject.description(), subject.region());
        Verdict verdict;
        switch (key.kind()) {
            case AWS_OWNED:
                verdict = Verdict.fail("Table " + subject.name() + " is encrypted with the AWS-owned default key, which the "
                        + "account cannot see, audit or control.");
                break;
            case UNKNOWN:
                verdict = Verdict.pass("Table " + subject.name() + " is encrypted with the KMS key " + key.keyArn()
                        + "; whether AWS or the customer manages it is unknown because " + key.problem() + ".");
                break;
            default:
                verdict = Verdict.pass("Table " + subject.name() + " is encrypted with " + key.kind().phrase() + " "
                        + key.keyArn() + ".");
        }
        return verdict.evidence(key.evidence(subject.description()))
                .placeholder(Placeholders.KMS_KEY_ARN, key.keyArn());
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.KMS_KEYS);
    }
}
