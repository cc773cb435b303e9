package io.tablewarden.simulator;

/**
 * Settings of one simulator instance. Build with {@link #builder()}; {@link #defaults()} suits tests and the demo.
 */
public final class SimulatorOptions {

    private final int port;
    private final int pageSize;
    private final java.util.Map<String, Integer> operationPageSizes;
    private final int threads;
    private final FaultSettings faults;
    private final boolean shiftRecoveryPointsToNow;
    private final boolean allowInvalidNamesForTests;
    private final boolean writesForTests;
    private final java.util.Set<String> silentRegions;

    private SimulatorOptions(Builder b) {
        this.port = b.port;
        this.pageSize = b.pageSize;
        this.operationPageSizes = java.util.Map.copyOf(b.operationPageSizes);
        this.threads = b.threads;
        this.faults = b.faults;
        this.shiftRecoveryPointsToNow = b.shiftRecoveryPointsToNow;
        this.allowInvalidNamesForTests = b.allowInvalidNamesForTests;
        this.writesForTests = b.writesForTests;
        this.silentRegions = java.util.Set.copyOf(b.silentRegions);
    }

    /**
     * Regions whose calls are read and never answered: the connection stays open and silent, as with a regional
     * endpoint that is down behind a load balancer still accepting connections. Tests of how a scan copes with a
     * region that never answers use it; the command line and the workbench never set it.
     */
    public java.util.Set<String> silentRegions() {
        return silentRegions;
    }

    /**
     * Page sizes of the list operations when neither the options nor the client name one: AWS's documented
     * defaults, or, where AWS documents only the largest page (AWS Backup, DAX, the tag listings), that largest
     * page.
     */
    private static final java.util.Map<String, Integer> AWS_PAGE_SIZES = java.util.Map.ofEntries(
            java.util.Map.entry("dynamodb:ListTables", 100),
            java.util.Map.entry("dynamodb:ListTagsOfResource", 50),
            java.util.Map.entry("application-autoscaling:DescribeScalableTargets", 50),
            java.util.Map.entry("application-autoscaling:DescribeScalingPolicies", 50),
            java.util.Map.entry("dax:DescribeClusters", 100),
            java.util.Map.entry("dax:ListTags", 50),
            java.util.Map.entry("kms:ListAliases", 50),
            java.util.Map.entry("tag:GetResources", 100));
    /** AWS Backup documents only its largest page for every listing. */
    private static final int BACKUP_PAGE_SIZE = 1000;

    /** Any free port, AWS's page sizes, faults from the fixture. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** TCP port on 127.0.0.1; 0 = any free port. */
    public int port() {
        return port;
    }

    /**
     * Page size used when the client does not ask for one, or 0 (the default) for AWS's own page size of each
     * operation. Tests of paging loops set a small one so that every loop runs more than once; a client's
     * explicit Limit/MaxResults is honoured up to the AWS maximum.
     */
    public int pageSize() {
        return pageSize;
    }

    /** The page size of one operation (key as in the counters, e.g. {@code dynamodb:ListTables}). */
    public int pageSize(String operationKey) {
        Integer own = operationPageSizes.get(operationKey);
        if (own != null) {
            return own;
        }
        return pageSize > 0 ? pageSize : awsPageSize(operationKey);
    }

    /** AWS's default page size of a list operation (its largest page where AWS documents no default). */
    static int awsPageSize(String operationKey) {
        Integer size = AWS_PAGE_SIZES.get(operationKey);
        if (size != null) {
            return size;
        }
        return operationKey.startsWith("backup:") ? BACKUP_PAGE_SIZE : 100;
    }

    /**
     * Worker threads computing answers. Injected latency holds no worker (answers wait on a scheduler), so the
     * workers only limit how many answers are computed at once, never how many calls are in flight.
     */
    public int threads() {
        return threads;
    }

    /** Faults that replace the fixture's {@code faults} block, or {@code null} to use the fixture's. */
    public FaultSettings faults() {
        return faults;
    }

    /** Whether recovery point dates are moved so that the newest CreationDate is one hour before start. */
    public boolean shiftRecoveryPointsToNow() {
        return shiftRecoveryPointsToNow;
    }

    /**
     * Whether the fixture may hold resource names AWS would reject (a table named {@code $(touch x)}), for tests
     * that play a hostile or broken AWS-compatible endpoint. Never set by the command line or the workbench.
     */
    public boolean allowInvalidNamesForTests() {
        return allowInvalidNamesForTests;
    }

    /**
     * Whether the simulator also answers the few write calls that the fixes of some causes make
     * ({@link #WRITE_OPERATIONS}), changing the served account, so that a test can apply a fix and scan again.
     * Off unless a test turns it on: the command line, the workbench and the demo never do, and a scan's clients
     * refuse every write call before it leaves the process whatever the simulator would answer.
     */
    public boolean writesForTests() {
        return writesForTests;
    }

    /** The write operations served with {@link #writesForTests()}, as {@code iam-prefix:Operation}. */
    public static final java.util.Set<String> WRITE_OPERATIONS = java.util.Set.of("backup:UpdateRegionSettings",
            "backup:CreateBackupPlan", "backup:CreateBackupSelection", "backup:DeleteBackupSelection", "kms:EnableKey", "kms:CancelKeyDeletion",
            "kms:EnableKeyRotation", "kms:GetParametersForImport", "kms:ImportKeyMaterial",
            "kms:CreateKey", "kms:CreateAlias", "dynamodb:UpdateTable", "dynamodb:TagResource", "dynamodb:UpdateContinuousBackups",
            "dynamodb:PutResourcePolicy", "dynamodb:DeleteResourcePolicy",
            "application-autoscaling:RegisterScalableTarget", "application-autoscaling:PutScalingPolicy",
            "dax:CreateCluster", "dax:DeleteCluster");

    /** Fluent builder for {@link SimulatorOptions}. */
    public static final class Builder {
        private int port;
        private int pageSize;
        private final java.util.Map<String, Integer> operationPageSizes = new java.util.HashMap<>();
        private int threads = 32;
        private FaultSettings faults;
        private boolean shiftRecoveryPointsToNow;
        private boolean allowInvalidNamesForTests;
        private boolean writesForTests;
        private java.util.Set<String> silentRegions = java.util.Set.of();

        private Builder() {
        }

        /** See {@link SimulatorOptions#silentRegions()}. */
        public Builder silentRegions(java.util.Set<String> regions) {
            this.silentRegions = java.util.Set.copyOf(regions);
            return this;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        public Builder pageSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("page size must be at least 1");
            }
            this.pageSize = value;
            return this;
        }

        /** Page size for one operation only, e.g. {@code pageSize("backup:ListBackupPlans", 1)}. */
        public Builder pageSize(String operationKey, int value) {
            if (value < 1) {
                throw new IllegalArgumentException("page size must be at least 1");
            }
            operationPageSizes.put(java.util.Objects.requireNonNull(operationKey, "operationKey"), value);
            return this;
        }

        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        public Builder faults(FaultSettings value) {
            this.faults = value;
            return this;
        }

        public Builder shiftRecoveryPointsToNow(boolean value) {
            this.shiftRecoveryPointsToNow = value;
            return this;
        }

        /**
         * Tests only: serve names AWS would reject, as a hostile endpoint could; every other shape rule still
         * applies. See {@link SimulatorOptions#allowInvalidNamesForTests()}.
         */
        public Builder allowInvalidNamesForTests(boolean value) {
            this.allowInvalidNamesForTests = value;
            return this;
        }

        /** Tests only: serve {@link SimulatorOptions#WRITE_OPERATIONS}. See {@link SimulatorOptions#writesForTests()}. */
        public Builder writesForTests(boolean value) {
            this.writesForTests = value;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
