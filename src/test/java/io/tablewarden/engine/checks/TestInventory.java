package io.tablewarden.engine.checks;

import io.tablewarden.model.CheckParameters;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AccountInventory;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalableTarget;
import io.tablewarden.model.inventory.AutoScalingInventory.ScalingPolicy;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.BackupInventory.BackupPlan;
import io.tablewarden.model.inventory.BackupInventory.BackupRule;
import io.tablewarden.model.inventory.BackupInventory.BackupSelection;
import io.tablewarden.model.inventory.BackupInventory.BackupVault;
import io.tablewarden.model.inventory.BackupInventory.SelectionEntry;
import io.tablewarden.model.inventory.ContinuousBackups;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RecoveryPoint;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds inventories for check tests in plain Java. Defaults describe a well-configured ACTIVE on-demand
 * table in an opted-in region with nothing else around it; each test changes only what it is about.
 */
public final class TestInventory {

    public static final String ACCOUNT = "210987654321";
    public static final String REGION = "eu-central-1";
    public static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private final List<Region> regions = new ArrayList<>();

    public static TestInventory account() {
        return new TestInventory();
    }

    /** A one-region inventory holding one table built by {@code table}. */
    public static AccountInventory withTable(Table table) {
        TestInventory inventory = account();
        inventory.region(REGION).add(table);
        return inventory.build();
    }

    public Region region(String name) {
        Region region = new Region(name);
        regions.add(region);
        return region;
    }

    public AccountInventory build() {
        List<RegionInventory> built = new ArrayList<>();
        regions.forEach(r -> built.add(r.build()));
        return new AccountInventory(ACCOUNT, "aws", "arn:aws:iam::" + ACCOUNT + ":user/auditor", NOW, built);
    }

    public static CollectionError denied(String permission) {
        return new CollectionError(permission, "AccessDeniedException", "not authorized",
                CollectionError.Kind.ACCESS_DENIED);
    }

    public static CheckContext context() {
        return new CheckContext(CheckParameters.defaults(), NOW);
    }

    public static CheckContext context(CheckParameters parameters) {
        return new CheckContext(parameters, NOW);
    }

    /** Runs a check and returns its only result. */
    public static CheckResult single(Check check, AccountInventory inventory, CheckContext context) {
        List<CheckResult> results = check.evaluate(inventory, context);
        assertEquals(1, results.size(), () -> "expected one result, got " + results);
        return results.get(0);
    }

    public static CheckResult single(Check check, AccountInventory inventory) {
        return single(check, inventory, context());
    }

    public static String tableArn(String name) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
    }

    public static String keyArn(String id) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id;
    }

    /** One region under construction. */
    public static final class Region {
        final String name;
        public RegionInventory.RegionState state = RegionInventory.RegionState.SCANNED;
        public CollectionError regionError;
        public final List<Table> tables = new ArrayList<>();
        public CollectionError tablesError;
        public final List<ScalableTarget> targets = new ArrayList<>();
        public CollectionError targetsError;
        public final List<ScalingPolicy> policies = new ArrayList<>();
        public CollectionError policiesError;
        public Map<String, Boolean> optIn = new LinkedHashMap<>(Map.of("DynamoDB", true));
        public CollectionError settingsError;
        public final List<BackupPlan> plans = new ArrayList<>();
        public CollectionError plansError;
        public final Map<String, Fetch<BackupVault>> vaults = new LinkedHashMap<>();
        public final List<DaxCluster> clusters = new ArrayList<>();
        public CollectionError daxError;
        public final Map<String, KmsKeyInventory> keys = new LinkedHashMap<>();

        Region(String name) {
            this.name = name;
        }

        public Region add(Table table) {
            table.region = name;
            tables.add(table);
            return this;
        }

        public Region state(RegionInventory.RegionState value, CollectionError error) {
            state = value;
            regionError = error;
            return this;
        }

        /** Adds read and write targets, each with a target-tracking policy at 70 %, for a resource id. */
        public Region scaling(String resourceId) {
            String kind = resourceId.contains("/index/") ? "index" : "table";
            for (String rw : new String[]{"Read", "Write"}) {
                String dimension = "dynamodb:" + kind + ":" + rw + "CapacityUnits";
                targets.add(new ScalableTarget(resourceId, dimension, 5, 100, false, false, false, "arn:target"));
                policies.add(new ScalingPolicy(resourceId + "-" + rw, "arn:policy", resourceId, dimension,
                        "TargetTrackingScaling", 70.0, "DynamoDB" + rw + "CapacityUtilization"));
            }
            return this;
        }

        public Region key(String arn, String keyManager, String keyState, Instant deletionDate, Boolean rotation) {
            keys.put(arn, new KmsKeyInventory(arn, Fetch.ok(new KmsKeyInventory.KeyMetadata(arn.substring(arn.lastIndexOf('/') + 1),
                    arn, keyManager, keyState, deletionDate, "AWS_KMS", "SYMMETRIC_DEFAULT", List.of())),
                    rotation == null ? null : Fetch.ok(rotation)));
            return this;
        }

        public Region vault(String name, boolean locked) {
            vaults.put(name, Fetch.ok(new BackupVault(name, "arn:aws:backup:" + this.name + ":" + ACCOUNT
                    + ":backup-vault:" + name, locked, null, null, null)));
            return this;
        }

        RegionInventory build() {
            List<TableInventory> built = new ArrayList<>();
            tables.forEach(t -> built.add(t.build()));
            AutoScalingInventory scaling = new AutoScalingInventory(
                    targetsError == null ? Fetch.ok(List.copyOf(targets)) : Fetch.failed(targetsError),
                    policiesError == null ? Fetch.ok(List.copyOf(policies)) : Fetch.failed(policiesError));
            BackupInventory backup = new BackupInventory(
                    settingsError == null ? Fetch.ok(new BackupInventory.RegionSettings(optIn, Map.of()))
                            : Fetch.failed(settingsError),
                    plansError == null ? Fetch.ok(List.copyOf(plans)) : Fetch.failed(plansError), vaults);
            return new RegionInventory(name, state, regionError,
                    tablesError == null ? Fetch.ok(built)
                            : built.isEmpty() ? Fetch.failed(tablesError) : Fetch.partial(built, tablesError), scaling, backup,
                    daxError == null ? Fetch.ok(List.copyOf(clusters))
                            : clusters.isEmpty() ? Fetch.failed(daxError) : Fetch.partial(List.copyOf(clusters), daxError), keys);
        }
    }

    /** Starts a table with healthy defaults. */
    public static Table table(String name) {
        return new Table(name);
    }

    /** One table under construction; public fields keep tests short. */
    public static final class Table {
        final String name;
        String region = REGION;
        public String status = "ACTIVE";
        public String billingMode = "PAY_PER_REQUEST";
        public final List<TableDescription.GlobalSecondaryIndex> gsis = new ArrayList<>();
        public TableDescription.SseDescription sse;
        public Boolean deletionProtection = Boolean.TRUE;
        public CollectionError describeError;
        public ContinuousBackups backups = new ContinuousBackups("ENABLED", "ENABLED", 35, null);
        public CollectionError backupsError;
        public String policy;
        public CollectionError policyError;
        public List<Tag> tags = new ArrayList<>(List.of(new Tag("team", "finance")));
        public CollectionError tagsError;
        public List<RecoveryPoint> recoveryPoints;
        public CollectionError recoveryPointsError;

        Table(String name) {
            this.name = name;
        }

        public String arn() {
            return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
        }

        public Table status(String value) {
            status = value;
            return this;
        }

        public Table provisioned() {
            billingMode = "PROVISIONED";
            return this;
        }

        public Table gsi(String indexName) {
            gsis.add(new TableDescription.GlobalSecondaryIndex(indexName, arn() + "/index/" + indexName, "ACTIVE", 5L, 5L));
            return this;
        }

        public Table kms(String keyArn) {
            sse = new TableDescription.SseDescription("ENABLED", "KMS", keyArn, null);
            return this;
        }

        public Table tags(Tag... values) {
            tags = new ArrayList<>(List.of(values));
            return this;
        }

        public Table policy(String json) {
            policy = json;
            return this;
        }

        public Table recoveryPoint(Instant created, String pointStatus) {
            if (recoveryPoints == null) {
                recoveryPoints = new ArrayList<>();
            }
            // The ARN is only a label here; the table's region is not known until the table is added.
            recoveryPoints.add(new RecoveryPoint("recovery-point:" + name + ":" + created.getEpochSecond(), created,
                    created, pointStatus, "Default"));
            return this;
        }

        TableInventory build() {
            TableDescription description = new TableDescription(name, arn(), status, billingMode,
                    "PROVISIONED".equals(billingMode) ? 10L : 0L, "PROVISIONED".equals(billingMode) ? 5L : 0L,
                    gsis, sse, deletionProtection, List.of(), NOW.minusSeconds(86_400));
            return new TableInventory(name, arn(),
                    describeError == null ? Fetch.ok(description) : Fetch.failed(describeError),
                    backupsError == null ? Fetch.ok(backups) : Fetch.failed(backupsError),
                    policyError == null ? Fetch.ok(policy) : Fetch.failed(policyError),
                    tagsError == null ? Fetch.ok(List.copyOf(tags)) : Fetch.failed(tagsError),
                    recoveryPointsError != null ? Fetch.failed(recoveryPointsError)
                            : recoveryPoints == null ? null : Fetch.ok(List.copyOf(recoveryPoints)));
        }
    }

    /** A live plan with one rule writing to vault "Default" and the given selections. */
    public static BackupPlan plan(String name, BackupSelection... selections) {
        List<SelectionEntry> entries = new ArrayList<>();
        for (BackupSelection s : selections) {
            entries.add(new SelectionEntry("id-" + s.selectionName(), s.selectionName(), Fetch.ok(s)));
        }
        return new BackupPlan("id-" + name, "arn:aws:backup:" + REGION + ":" + ACCOUNT + ":backup-plan:id-" + name,
                name, "v1", null, Fetch.ok(List.of(new BackupRule("daily", "Default", "cron(0 5 ? * * *)", 35L))),
                Fetch.ok(entries));
    }

    public static BackupSelection resources(String name, String... patterns) {
        return new BackupSelection(name, "arn:aws:iam::" + ACCOUNT + ":role/backup", List.of(patterns), List.of(),
                List.of(), List.of());
    }

    public static BackupSelection tagSelection(String name, String key, String value) {
        return new BackupSelection(name, "arn:aws:iam::" + ACCOUNT + ":role/backup", List.of(), List.of(),
                List.of(new BackupInventory.TagCondition("STRINGEQUALS", key, value)), List.of());
    }

    public static DaxCluster dax(String name, String status, String sse, String tls, String... zones) {
        List<DaxCluster.DaxNode> nodes = new ArrayList<>();
        for (int i = 0; i < zones.length; i++) {
            nodes.add(new DaxCluster.DaxNode(name + "-" + i, zones[i], "available"));
        }
        return new DaxCluster(name, "arn:aws:dax:" + REGION + ":" + ACCOUNT + ":cache/" + name, status, zones.length,
                nodes, sse, tls, Fetch.ok(List.of()));
    }
}
