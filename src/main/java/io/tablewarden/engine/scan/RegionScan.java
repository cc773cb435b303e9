package io.tablewarden.engine.scan;

import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.engine.checks.support.BackupPlanCoverage;
import io.tablewarden.engine.collect.AutoScalingCollector;
import io.tablewarden.engine.collect.BackupCollector;
import io.tablewarden.engine.collect.CallGate;
import io.tablewarden.engine.collect.DaxCollector;
import io.tablewarden.engine.collect.DynamoDbCollector;
import io.tablewarden.engine.collect.KmsCollector;
import io.tablewarden.engine.collect.RegionContext;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.AutoScalingInventory;
import io.tablewarden.model.inventory.BackupInventory;
import io.tablewarden.model.inventory.DaxCluster;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.KmsKeyInventory;
import io.tablewarden.model.inventory.RegionInventory;
import io.tablewarden.model.inventory.RegionInventory.RegionState;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Collects one region. ListTables goes first (its answer also tells whether the region is usable); then
 * every table and every service part runs as its own task on the shared worker pool; then the KMS keys the
 * tables name and the recovery points of the ACTIVE tables a backup plan covers. Everything collected so far stays readable, so a
 * cancelled scan still returns what this region had gathered.
 */
final class RegionScan {

    private final RegionContext ctx;
    private final ExecutorService workers;
    private final RegionProgress progress;
    private final Set<InventoryPart> parts;

    private volatile Fetch<List<String>> tableNames;
    private final Map<String, TableInventory> tables = new ConcurrentHashMap<>();
    private volatile AutoScalingInventory autoScaling;
    private volatile Fetch<List<AutoScalingInventory.ScalableTarget>> scalableTargets;
    private volatile Fetch<List<AutoScalingInventory.ScalingPolicy>> scalingPolicies;
    private volatile BackupInventory backup;
    private volatile Fetch<List<DaxCluster>> daxClusters;
    private volatile Fetch<Map<String, List<Tag>>> bulkTags;
    private final Map<String, KmsKeyInventory> kmsKeys = new ConcurrentHashMap<>();

    /** @param parts the inventory parts the scan's checks need; the others are not asked for and stay null */
    RegionScan(RegionContext ctx, ExecutorService workers, RegionProgress progress, Set<InventoryPart> parts) {
        this.ctx = ctx;
        this.workers = workers;
        this.progress = progress;
        this.parts = parts.isEmpty() ? EnumSet.noneOf(InventoryPart.class) : EnumSet.copyOf(parts);
    }

    String region() {
        return ctx.region();
    }

    /** Collects the region; returns early as DISABLED or FAILED when its first call says it cannot be used. */
    RegionInventory collect() throws InterruptedException, ExecutionException {
        DynamoDbCollector dynamo = new DynamoDbCollector(ctx);
        boolean scaling = parts.contains(InventoryPart.AUTO_SCALING);
        boolean backups = parts.contains(InventoryPart.BACKUP);
        boolean dax = parts.contains(InventoryPart.DAX);
        progress.addWork(1 + (scaling ? 2 : 0) + (backups ? 1 : 0) + (dax ? 1 : 0));
        // Tags come from one region-wide listing; each table's own call is the fallback (ADR 0011).
        boolean tags = parts.contains(InventoryPart.TABLE_TAGS);
        Set<InventoryPart> tableParts = EnumSet.noneOf(InventoryPart.class);
        tableParts.addAll(parts);
        tableParts.remove(InventoryPart.TABLE_TAGS);
        List<Future<?>> phase = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean servicesStarted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean tagsStarted = new java.util.concurrent.atomic.AtomicBoolean();
        BackupCollector backupCollector = new BackupCollector(ctx);
        Runnable startServices = () -> {
            if (!servicesStarted.compareAndSet(false, true)) {
                return;
            }
            if (scaling) {
                // Targets and policies are two listings of many pages each: side by side, not one after the other.
                phase.add(workers.submit(() -> {
                    scalableTargets = new AutoScalingCollector(ctx).scalableTargets();
                    progress.finished("Application Auto Scaling targets");
                }));
                phase.add(workers.submit(() -> {
                    scalingPolicies = new AutoScalingCollector(ctx).scalingPolicies();
                    progress.finished("Application Auto Scaling policies");
                }));
            }
            if (backups) {
                phase.add(workers.submit(() -> {
                    backup = backupCollector.collect();
                    progress.finished("AWS Backup");
                }));
            }
            if (dax) {
                phase.add(workers.submit(() -> {
                    DaxCollector collector = new DaxCollector(ctx);
                    daxClusters = collector.describeClusters().map(list -> {
                        List<DaxCluster> out = new ArrayList<>();
                        list.forEach(c -> out.add(collector.withTags(c)));
                        return out;
                    });
                    progress.finished("DAX");
                }));
            }
        };
        // Each page's tables start as soon as the page arrives, while the next page is asked for.
        Fetch<List<String>> names = dynamo.listTables(page -> {
            startServices.run();
            if (tags && !page.isEmpty() && tagsStarted.compareAndSet(false, true)) {
                progress.addWork(1);
                phase.add(workers.submit(() -> {
                    bulkTags = dynamo.tagsOfTaggedTables();
                    progress.finished("tags");
                }));
            }
            progress.addWork(page.size());
            for (String name : page) {
                phase.add(workers.submit(() -> {
                    tables.put(name, dynamo.collectTable(name, tags ? tableParts : parts));
                    progress.finished("table " + name);
                }));
            }
        });
        tableNames = names;
        progress.finished("ListTables");
        if (names.isFailed() && !names.isPartial()) {
            CollectionError error = names.error();
            if (AwsErrors.isRegionNotEnabled(error)) {
                return empty(RegionState.DISABLED, regionDisabled(error));
            }
            if (error.kind() == CollectionError.Kind.INVALID_CREDENTIALS
                    || AwsErrors.isUnreachable(error)) {
                return snapshot(RegionState.FAILED, error);
            }
            if (error.kind() == CollectionError.Kind.CANCELLED) {
                return snapshot(RegionState.CANCELLED, error);
            }
        }
        startServices.run();
        // A listing that failed on a later page still names the tables of the pages it read.
        List<String> nameList = names.value() != null ? names.value() : List.of();
        await(new ArrayList<>(phase));
        if (scaling) {
            autoScaling = new AutoScalingInventory(scalableTargets, scalingPolicies);
        }
        if (tags && !nameList.isEmpty()) {
            attachTags(dynamo, nameList);
        }

        phase.clear();
        Set<String> keyArns = parts.contains(InventoryPart.KMS_KEYS) ? referencedKeys(nameList) : Set.of();
        if (!keyArns.isEmpty()) {
            KmsCollector kms = new KmsCollector(ctx);
            Map<String, List<String>> aliases = kms.aliasesByKeyId();
            progress.addWork(keyArns.size());
            for (String keyArn : keyArns) {
                phase.add(workers.submit(() -> {
                    kmsKeys.put(keyArn, kms.collectKey(keyArn, aliases));
                    progress.finished("KMS key");
                }));
            }
        }
        if (backup != null && BackupCollector.hasDeletedPlan(backup) && anyActiveUncovered(nameList, backup)) {
            // What a deleted plan selected matters only for a table no live plan covers (DynamoDB.4's cause).
            BackupInventory listed = backup;
            progress.addWork(1);
            phase.add(workers.submit(() -> {
                backup = backupCollector.withDeletedPlans(listed);
                progress.finished("deleted backup plans");
            }));
        }
        if (parts.contains(InventoryPart.RECOVERY_POINTS) && backup != null && BackupCollector.hasLivePlan(backup)) {
            for (String name : nameList) {
                TableInventory table = tables.get(name);
                // Recovery points matter only for an ACTIVE table a plan covers: the check judges no other
                // table by them (ADR 0011), so the others cost no call.
                if (isActive(table) && BackupPlanCoverage.evaluate(table, backup).covered()) {
                    progress.addWork(1);
                    phase.add(workers.submit(() -> {
                        tables.put(name, DynamoDbCollector.withRecoveryPoints(table,
                                backupCollector.recoveryPoints(name, table.arn())));
                        progress.finished("recovery points " + name);
                    }));
                }
            }
        }
        await(phase);
        return snapshot(RegionState.SCANNED, null);
    }

    private boolean anyActiveUncovered(List<String> nameList, BackupInventory inventory) {
        for (String name : nameList) {
            TableInventory table = tables.get(name);
            if (isActive(table) && !BackupPlanCoverage.evaluate(table, inventory).covered()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives every table its tags: from the region-wide listing when it was read to its end (a table it does not
     * name has none), else from each table's own ListTagsOfResource. When the listing was refused and a table's
     * own call fails too, the table's error names both permissions.
     */
    private void attachTags(DynamoDbCollector dynamo, List<String> nameList)
            throws InterruptedException, ExecutionException {
        Fetch<Map<String, List<Tag>>> bulk = bulkTags;
        if (bulk != null && bulk.isOk()) {
            for (String name : nameList) {
                TableInventory t = tables.get(name);
                if (t != null) {
                    tables.put(name, DynamoDbCollector.withTags(t, Fetch.ok(bulk.value().getOrDefault(t.arn(),
                            List.of()))));
                }
            }
            return;
        }
        if (bulk != null && bulk.error().kind() == CollectionError.Kind.CANCELLED) {
            return;
        }
        String refused = bulk != null && bulk.error().kind() == CollectionError.Kind.ACCESS_DENIED
                ? bulk.error().permission() : null;
        List<Future<?>> fallback = new ArrayList<>();
        progress.addWork(nameList.size());
        for (String name : nameList) {
            TableInventory t = tables.get(name);
            if (t == null) {
                continue;
            }
            fallback.add(workers.submit(() -> {
                Fetch<List<Tag>> own = dynamo.tags(name, t.arn());
                if (own.isFailed() && refused != null && own.error().kind() != CollectionError.Kind.CANCELLED) {
                    own = Fetch.failed(own.error().withAlternative(refused));
                }
                tables.put(name, DynamoDbCollector.withTags(t, own));
                progress.finished("tags " + name);
            }));
        }
        await(fallback);
    }

    /** What has been collected so far; parts that never ran are failed with {@code missing}'s reason. */
    RegionInventory snapshot(RegionState state, CollectionError regionError) {
        Fetch<List<String>> names = tableNames;
        Fetch<List<TableInventory>> tableFetch;
        if (names == null) {
            tableFetch = Fetch.failed(CallGate.cancelled("dynamodb:ListTables"));
        } else if (names.value() == null) {
            tableFetch = Fetch.failed(names.error());
        } else {
            List<TableInventory> list = new ArrayList<>();
            for (String name : names.value()) {
                TableInventory t = tables.get(name);
                if (t != null && t.tags() == null && parts.contains(InventoryPart.TABLE_TAGS)) {
                    // Collected, but the scan stopped before its tags were attached.
                    t = DynamoDbCollector.withTags(t, Fetch.failed(CallGate.cancelled("dynamodb:ListTagsOfResource")));
                }
                list.add(t != null ? t : notCollected(name));
            }
            tableFetch = names.isOk() ? Fetch.ok(list) : Fetch.partial(list, names.error());
        }
        // A part nobody asked for stays null; one asked for but not reached is failed as cancelled.
        AutoScalingInventory scaling = autoScaling != null || !parts.contains(InventoryPart.AUTO_SCALING)
                ? autoScaling : new AutoScalingInventory(
                Fetch.failed(CallGate.cancelled("application-autoscaling:DescribeScalableTargets")),
                Fetch.failed(CallGate.cancelled("application-autoscaling:DescribeScalingPolicies")));
        BackupInventory backupPart = backup != null || !parts.contains(InventoryPart.BACKUP) ? backup
                : new BackupInventory(Fetch.failed(CallGate.cancelled("backup:DescribeRegionSettings")),
                Fetch.failed(CallGate.cancelled("backup:ListBackupPlans")), Map.of());
        Fetch<List<DaxCluster>> dax = daxClusters != null || !parts.contains(InventoryPart.DAX) ? daxClusters
                : Fetch.failed(CallGate.cancelled("dax:DescribeClusters"));
        return new RegionInventory(ctx.region(), state, regionError, tableFetch, scaling, backupPart, dax,
                new LinkedHashMap<>(kmsKeys));
    }

    /** A region that was not scanned at all: every part carries the region's reason. */
    static RegionInventory empty(String region, RegionState state, CollectionError reason) {
        return new RegionInventory(region, state, reason, Fetch.failed(reason),
                new AutoScalingInventory(Fetch.failed(reason), Fetch.failed(reason)),
                new BackupInventory(Fetch.failed(reason), Fetch.failed(reason), Map.of()),
                Fetch.failed(reason), Map.of());
    }

    private RegionInventory empty(RegionState state, CollectionError reason) {
        return empty(ctx.region(), state, reason);
    }

    private static CollectionError regionDisabled(CollectionError probe) {
        return new CollectionError(probe.permission(), probe.errorCode(),
                "the region is not enabled for this account (" + probe.message() + ")",
                CollectionError.Kind.REGION_DISABLED);
    }

    private TableInventory notCollected(String name) {
        return new TableInventory(name, ctx.tableArn(name),
                Fetch.failed(CallGate.cancelled("dynamodb:DescribeTable")),
                cancelledIf(InventoryPart.CONTINUOUS_BACKUPS, "dynamodb:DescribeContinuousBackups"),
                cancelledIf(InventoryPart.RESOURCE_POLICY, "dynamodb:GetResourcePolicy"),
                cancelledIf(InventoryPart.TABLE_TAGS, "dynamodb:ListTagsOfResource"), null);
    }

    private <T> Fetch<T> cancelledIf(InventoryPart part, String permission) {
        return parts.contains(part) ? Fetch.failed(CallGate.cancelled(permission)) : null;
    }

    private Set<String> referencedKeys(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            TableInventory t = tables.get(name);
            if (t != null && t.description().isOk() && t.description().value().sse() != null
                    && t.description().value().sse().kmsMasterKeyArn() != null) {
                keys.add(t.description().value().sse().kmsMasterKeyArn());
            }
        }
        return keys;
    }

    private static boolean isActive(TableInventory t) {
        return t != null && t.description().isOk() && "ACTIVE".equals(t.description().value().tableStatus());
    }

    private static void await(List<Future<?>> futures) throws InterruptedException, ExecutionException {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
    }
}
