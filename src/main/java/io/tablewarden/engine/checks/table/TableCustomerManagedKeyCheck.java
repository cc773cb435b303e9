package io.tablewarden.engine.checks.table;

import io.tablewarden.engine.checks.CheckContext;
import io.tablewarden.engine.checks.Placeholders;
import io.tablewarden.engine.checks.support.TableCheck;
import io.tablewarden.engine.checks.support.TableKmsKey;
import io.tablewarden.engine.checks.support.TableSubject;
import io.tablewarden.engine.checks.support.Verdict;
import io.tablewarden.model.inventory.InventoryPart;

/**
 * The table is encrypted with a customer-managed key (KeyManager CUSTOMER). Unlike the KMS encryption
 * check, the AWS-managed key fails here. A key whose DescribeKey was denied is ERROR.
 */
public final class TableCustomerManagedKeyCheck extends TableCheck {

    public static final String ID = "dynamodb_table_customer_managed_key";

    /** Which key the table uses instead; either way the region's tables can share one customer-managed key. */
    public enum Cause implements io.tablewarden.engine.checks.support.CheckCause {
        /** The AWS-managed key aws/dynamodb. */
        AWS_MANAGED_KEY,
        /** The AWS-owned default key. */
        AWS_OWNED_KEY;
    }

    @Override
    public java.util.List<String> causes() {
        return io.tablewarden.engine.checks.support.CheckCause.ids(Cause.values());
    }

    public TableCustomerManagedKeyCheck() {
        super(ID);
    }

    @Override
    protected Verdict evaluate(TableSubject subject, CheckContext context) {
        TableKmsKey key = TableKmsKey.of(subject.description(), subject.region());
        Verdict verdict;
        switch (key.kind()) {
            case CUSTOMER_MANAGED:
                verdict = Verdict.pass("Table " + subject.name() + " is encrypted with the customer-managed key "
                        + key.keyArn() + ".");
                break;
            case AWS_MANAGED:
                verdict = Verdict.fail("Table " + subject.name() + " is encrypted with the AWS-managed key "
                        + key.keyArn() + ", whose policy and rotation the account cannot control.")
                        .cause(Cause.AWS_MANAGED_KEY);
                break;
            case AWS_OWNED:
                verdict = Verdict.fail("Table " + subject.name() + " is encrypted with the AWS-owned default key, "
                        + "not a customer-managed key.").cause(Cause.AWS_OWNED_KEY);
                break;
            default:
                verdict = Verdict.error("The key of table " + subject.name() + " could not be classified: "
                        + key.problem() + ".");
        }
        return verdict.evidence(key.evidence(subject.description()))
                .placeholder(Placeholders.KMS_KEY_ARN, key.keyArn());
    }

    @Override
    public java.util.Set<InventoryPart> needs() {
        return java.util.EnumSet.of(InventoryPart.KMS_KEYS);
    }
}
