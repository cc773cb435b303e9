package io.tablewarden.engine.aws;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every AWS operation a scan may call, and the IAM action each one needs. This is the single source of
 * truth: {@link ReadOnlyGuard} refuses anything else before it leaves the process, and
 * {@code docs/iam-policy.json} grants exactly these actions (a test keeps the two in step).
 */
public final class ReadOnlyAllowlist {

    /**
     * One allowed operation.
     *
     * @param sdkService         the SDK's service name as interceptors see it (SdkExecutionAttribute.SERVICE_NAME)
     * @param operation          the API operation name, e.g. {@code DescribeTable}
     * @param iamAction          the IAM action, e.g. {@code dynamodb:DescribeTable}
     * @param requiresPermission false for calls every identity may make (sts:GetCallerIdentity)
     */
    public record Operation(String sdkService, String operation, String iamAction, boolean requiresPermission) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            // GetCallerIdentity works even when an explicit Deny names it, so the policy leaves it out.
            new Operation("STS", "GetCallerIdentity", "sts:GetCallerIdentity", false),
            allowed("EC2", "DescribeRegions", "ec2:DescribeRegions"),
            // Only "profiles test" asks; without the permission it just shows no alias.
            allowed("IAM", "ListAccountAliases", "iam:ListAccountAliases"),
            allowed("DynamoDB", "ListTables", "dynamodb:ListTables"),
            allowed("DynamoDB", "DescribeTable", "dynamodb:DescribeTable"),
            allowed("DynamoDB", "DescribeContinuousBackups", "dynamodb:DescribeContinuousBackups"),
            allowed("DynamoDB", "GetResourcePolicy", "dynamodb:GetResourcePolicy"),
            allowed("DynamoDB", "ListTagsOfResource", "dynamodb:ListTagsOfResource"),
            // Every table's tags of a region in a few pages; ListTagsOfResource is the fallback (ADR 0011).
            allowed("ResourceGroupsTaggingApi", "GetResources", "tag:GetResources"),
            allowed("ApplicationAutoScaling", "DescribeScalableTargets", "application-autoscaling:DescribeScalableTargets"),
            allowed("ApplicationAutoScaling", "DescribeScalingPolicies", "application-autoscaling:DescribeScalingPolicies"),
            allowed("Backup", "DescribeRegionSettings", "backup:DescribeRegionSettings"),
            allowed("Backup", "ListBackupPlans", "backup:ListBackupPlans"),
            allowed("Backup", "GetBackupPlan", "backup:GetBackupPlan"),
            allowed("Backup", "ListBackupSelections", "backup:ListBackupSelections"),
            allowed("Backup", "GetBackupSelection", "backup:GetBackupSelection"),
            allowed("Backup", "DescribeBackupVault", "backup:DescribeBackupVault"),
            allowed("Backup", "ListRecoveryPointsByResource", "backup:ListRecoveryPointsByResource"),
            allowed("Backup", "ListRecoveryPointsByBackupVault", "backup:ListRecoveryPointsByBackupVault"),
            allowed("DAX", "DescribeClusters", "dax:DescribeClusters"),
            allowed("DAX", "ListTags", "dax:ListTags"),
            allowed("KMS", "DescribeKey", "kms:DescribeKey"),
            allowed("KMS", "GetKeyRotationStatus", "kms:GetKeyRotationStatus"),
            allowed("KMS", "ListAliases", "kms:ListAliases"),
            // Organisation scans, from the management account: the accounts and where they sit ...
            allowed("Organizations", "DescribeOrganization", "organizations:DescribeOrganization"),
            allowed("Organizations", "ListRoots", "organizations:ListRoots"),
            allowed("Organizations", "ListOrganizationalUnitsForParent", "organizations:ListOrganizationalUnitsForParent"),
            allowed("Organizations", "ListAccountsForParent", "organizations:ListAccountsForParent"),
            // ... and the audit role in each member. AssumeRole writes nothing: it only hands out temporary
            // credentials, which every later call of that member signs with.
            allowed("STS", "AssumeRole", "sts:AssumeRole"));

    private ReadOnlyAllowlist() {
    }

    private static Operation allowed(String sdkService, String operation, String iamAction) {
        return new Operation(sdkService, operation, iamAction, true);
    }

    /** All allowed operations. */
    public static List<Operation> operations() {
        return OPERATIONS;
    }

    /** The allowed operation, or empty when the scan must not call it. */
    public static Optional<Operation> find(String sdkService, String operation) {
        for (Operation op : OPERATIONS) {
            if (op.sdkService().equalsIgnoreCase(sdkService) && op.operation().equals(operation)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** True when {@code iamAction} names an allowed operation. */
    public static boolean allowsIamAction(String iamAction) {
        return OPERATIONS.stream().anyMatch(op -> op.iamAction().equals(iamAction));
    }

    /** IAM actions a scanning identity must be granted (sorted). */
    public static Set<String> requiredIamActions() {
        Set<String> actions = new TreeSet<>();
        for (Operation op : OPERATIONS) {
            if (op.requiresPermission()) {
                actions.add(op.iamAction());
            }
        }
        return actions;
    }

    /** The IAM action of a call, or {@code service:Operation} when the call is not on the list. */
    public static String iamAction(String sdkService, String operation) {
        return find(sdkService, operation).map(Operation::iamAction).orElse(sdkService + ":" + operation);
    }
}
