package io.tablewarden.engine.collect;

import io.tablewarden.engine.aws.AwsErrors;
import io.tablewarden.model.Fetch;
import io.tablewarden.model.inventory.ContinuousBackups;
import io.tablewarden.model.inventory.InventoryPart;
import io.tablewarden.model.inventory.RecoveryPoint;
import io.tablewarden.model.inventory.TableDescription;
import io.tablewarden.model.inventory.TableInventory;
import io.tablewarden.model.inventory.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** DynamoDB: the table list, then each table's own calls. One table's failures never touch another's. */
public final class DynamoDbCollector {

    private final RegionContext ctx;
    private final DynamoDbClient client;

    public DynamoDbCollector(RegionContext ctx) {
        this.ctx = ctx;
        this.client = ctx.clients().dynamoDb(ctx.region());
    }

    /**
     * ListTables, every page. When a later page fails the tables of the pages read are kept, as a partial
     * fetch whose error says which call failed (see {@link Fetch#isPartial()}).
     */
    public Fetch<List<String>> listTables() {
        return listTables(page -> { });
    }

    /**
     * {@link #listTables()}, handing each page's table names to {@code eachPage} as soon as it arrives, so that
     * the work on a page's tables can start while the next page is asked for.
     */
    public Fetch<List<String>> listTables(java.util.function.Consumer<List<String>> eachPage) {
        return ctx.<String>list("dynamodb:ListTables", "", (token, out) -> {
            ListTablesResponse page = client.listTables(b -> b.exclusiveStartTableName(token));
            out.addAll(page.tableNames());
            eachPage.accept(page.tableNames());
            return page.lastEvaluatedTableName();
        }).keepingWhatWasRead();
    }

    /** DescribeTable, DescribeContinuousBackups, GetResourcePolicy and ListTagsOfResource of one table. */
    public TableInventory collectTable(String name) {
        return collectTable(name, InventoryPart.all());
    }

    /** DescribeTable, and of the other three calls those whose part is in {@code parts} (the rest stay null). */
    public TableInventory collectTable(String name, Set<InventoryPart> parts) {
        Fetch<TableDescription> description = ctx.fetch("dynamodb:DescribeTable", name,
                () -> toDescription(client.describeTable(b -> b.tableName(name)).table()));
        String arn = description.isOk() && description.value().tableArn() != null
                ? description.value().tableArn() : ctx.tableArn(name);
        Fetch<ContinuousBackups> backups = !parts.contains(InventoryPart.CONTINUOUS_BACKUPS) ? null
                : ctx.fetch("dynamodb:DescribeContinuousBackups", name,
                () -> toContinuousBackups(client.describeContinuousBackups(b -> b.tableName(name))
                        .continuousBackupsDescription()));
        Fetch<String> policy = parts.contains(InventoryPart.RESOURCE_POLICY) ? resourcePolicy(name, arn) : null;
        Fetch<List<Tag>> tags = !parts.contains(InventoryPart.TABLE_TAGS) ? null : tags(name, arn);
        return new TableInventory(name, arn, description, backups, policy, tags, null);
    }

    /** The same table with its tags attached. */
    public static TableInventory withTags(TableInventory t, Fetch<List<Tag>> tags) {
        return new TableInventory(t.name(), t.arn(), t.description(), t.continuousBackups(), t.resourcePolicy(),
                tags, t.recoveryPoints());
    }

    /**
     * tag:GetResources for the region's DynamoDB tables, every page: the tags of each tagged table keyed by its
     * ARN. AWS lists only tables that have (or had) tags, so a table absent from a listing that was read to its
     * end has none; a listing that failed on any page gives nothing (ADR 0011).
     */
    public Fetch<Map<String, List<Tag>>> tagsOfTaggedTables() {
        ResourceGroupsTaggingApiClient tagging = ctx.clients().tagging(ctx.region());
        return ctx.<Map.Entry<String, List<Tag>>>list("tag:GetResources", "", (token, out) -> {
            GetResourcesResponse page = tagging.getResources(b -> b.resourceTypeFilters("dynamodb:table")
                    .paginationToken(token));
            for (ResourceTagMapping mapping : page.resourceTagMappingList()) {
                List<Tag> tags = new ArrayList<>(mapping.tags().size());
                mapping.tags().forEach(t -> tags.add(new Tag(t.key(), t.value())));
                out.add(Map.entry(mapping.resourceARN(), tags));
            }
            return page.paginationToken();
        }).whole().map(entries -> {
            Map<String, List<Tag>> byArn = new HashMap<>();
            entries.forEach(e -> byArn.put(e.getKey(), e.getValue()));
            return byArn;
        });
    }

    /** The same table with its recovery points attached. */
    public static TableInventory withRecoveryPoints(TableInventory t, Fetch<List<RecoveryPoint>> points) {
        return new TableInventory(t.name(), t.arn(), t.description(), t.continuousBackups(), t.resourcePolicy(),
                t.tags(), points);
    }

    /** PolicyNotFoundException is AWS's way of saying "this table has no policy": a value, not an error. */
    private Fetch<String> resourcePolicy(String name, String arn) {
        String action = "dynamodb:GetResourcePolicy";
        try {
            return Fetch.ok(ctx.call(action, name, () -> client.getResourcePolicy(b -> b.resourceArn(arn)).policy()));
        } catch (PolicyNotFoundException none) {
            return Fetch.ok(null);
        } catch (RuntimeException e) {
            return Fetch.failed(AwsErrors.toCollectionError(action, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetch.failed(CallGate.cancelled(action));
        }
    }

    /** ListTagsOfResource, every page; a table's tags count only when all of them were read. */
    public Fetch<List<Tag>> tags(String name, String arn) {
        return ctx.<Tag>list("dynamodb:ListTagsOfResource", name, (token, out) -> {
            ListTagsOfResourceResponse page = client.listTagsOfResource(b -> b.resourceArn(arn).nextToken(token));
            page.tags().forEach(t -> out.add(new Tag(t.key(), t.value())));
            return page.nextToken();
        }).whole();
    }

    static TableDescription toDescription(software.amazon.awssdk.services.dynamodb.model.TableDescription t) {
        List<TableDescription.GlobalSecondaryIndex> gsis = t.globalSecondaryIndexes().stream()
                .map(DynamoDbCollector::toIndex).collect(Collectors.toList());
        SSEDescription sse = t.sseDescription();
        TableDescription.SseDescription sseDescription = sse == null ? null : new TableDescription.SseDescription(
                sse.statusAsString(), sse.sseTypeAsString(), sse.kmsMasterKeyArn(),
                sse.inaccessibleEncryptionDateTime());
        List<String> replicas = t.replicas().stream().map(ReplicaDescription::regionName).collect(Collectors.toList());
        return new TableDescription(t.tableName(), t.tableArn(), t.tableStatusAsString(),
                t.billingModeSummary() == null ? null : t.billingModeSummary().billingModeAsString(),
                t.provisionedThroughput() == null ? null : t.provisionedThroughput().readCapacityUnits(),
                t.provisionedThroughput() == null ? null : t.provisionedThroughput().writeCapacityUnits(),
                gsis, sseDescription, t.deletionProtectionEnabled(), replicas, t.creationDateTime());
    }

    private static TableDescription.GlobalSecondaryIndex toIndex(GlobalSecondaryIndexDescription g) {
        return new TableDescription.GlobalSecondaryIndex(g.indexName(), g.indexArn(), g.indexStatusAsString(),
                g.provisionedThroughput() == null ? null : g.provisionedThroughput().readCapacityUnits(),
                g.provisionedThroughput() == null ? null : g.provisionedThroughput().writeCapacityUnits());
    }

    static ContinuousBackups toContinuousBackups(ContinuousBackupsDescription d) {
        PointInTimeRecoveryDescription pitr = d.pointInTimeRecoveryDescription();
        return new ContinuousBackups(d.continuousBackupsStatusAsString(),
                pitr == null ? null : pitr.pointInTimeRecoveryStatusAsString(),
                pitr == null ? null : pitr.recoveryPeriodInDays(),
                pitr == null ? null : pitr.earliestRestorableDateTime());
    }
}
