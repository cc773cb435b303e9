package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS Backup (REST-JSON): plans, selections, vaults, region settings and recovery points. The operation comes
 * from method and path; path labels arrive percent-encoded (a resource ARN contains ':' and '/'), so the raw path
 * is split first and each label decoded afterwards.
 */
final class BackupRestService implements SimService {

    /** AWS caps Backup list pages at 1000 items. */
    static final int MAX_RESULTS = 1000;

    private final boolean writes;

    BackupRestService() {
        this(false);
    }

    /** With {@code writes}, also UpdateRegionSettings (see {@link SimulatorOptions#writesForTests()}). */
    BackupRestService(boolean writes) {
        this.writes = writes;
    }

    @Override
    public String iamPrefix() {
        return "backup";
    }

    @Override
    public Call parse(SimRequest request) {
        String path = request.rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] seg = path.substring(1).split("/", -1);
        ObjectNode in = JsonService.MAPPER.createObjectNode();
        for (Map.Entry<String, String> q : request.queryParameters().entrySet()) {
            in.put(q.getKey(), q.getValue());
        }
        String op = null;
        if ("GET".equals(request.method)) {
            op = route(seg, in);
        } else if (writes) {
            op = writeRoute(request.method, seg, in);
        }
        if (op != null && (op.startsWith("Update") || op.startsWith("Create"))) {
            try {
                com.fasterxml.jackson.databind.JsonNode body = JsonService.MAPPER.readTree(request.body);
                if (body instanceof ObjectNode) {
                    in.setAll((ObjectNode) body);
                }
            } catch (java.io.IOException e) {
                throw new ApiError("SerializationException", 400, "Request body is not valid JSON");
            }
        }
        if (op == null) {
            throw commonError(CommonError.UNKNOWN_OPERATION, "No AWS Backup operation at " + request.method + " " + request.rawPath);
        }
        return new Call(op, in);
    }

    /** The write operations of the test-only mode (see {@link SimulatorOptions#writesForTests()}), or null. */
    private static String writeRoute(String method, String[] seg, ObjectNode in) {
        if ("PUT".equals(method) && seg.length == 1 && seg[0].equals("account-settings")) {
            return "UpdateRegionSettings";
        }
        if ("PUT".equals(method) && seg.length == 2 && seg[0].equals("backup") && seg[1].equals("plans")) {
            return "CreateBackupPlan";
        }
        boolean selections = seg.length >= 4 && seg[0].equals("backup") && seg[1].equals("plans")
                && seg[3].equals("selections");
        if (selections) {
            in.put("backupPlanId", SimRequest.decodePathSegment(seg[2]));
        }
        if (selections && "PUT".equals(method) && seg.length == 4) {
            return "CreateBackupSelection";
        }
        if (selections && "DELETE".equals(method) && seg.length == 5) {
            in.put("selectionId", SimRequest.decodePathSegment(seg[4]));
            return "DeleteBackupSelection";
        }
        return null;
    }

    private static String route(String[] seg, ObjectNode in) {
        int n = seg.length;
        if (seg[0].equals("backup") && n >= 2 && seg[1].equals("plans")) {
            if (n == 2) {
                return "ListBackupPlans";
            }
            in.put("backupPlanId", SimRequest.decodePathSegment(seg[2]));
            if (n == 3) {
                return "GetBackupPlan";
            }
            if (seg[3].equals("selections")) {
                if (n == 4) {
                    return "ListBackupSelections";
                }
                if (n == 5) {
                    in.put("selectionId", SimRequest.decodePathSegment(seg[4]));
                    return "GetBackupSelection";
                }
            }
            return null;
        }
        if (n == 1 && seg[0].equals("account-settings")) {
            return "DescribeRegionSettings";
        }
        if (n == 3 && seg[0].equals("resources") && seg[2].equals("recovery-points")) {
            in.put("resourceArn", SimRequest.decodePathSegment(seg[1]));
            return "ListRecoveryPointsByResource";
        }
        if (seg[0].equals("backup-vaults")) {
            if (n == 1) {
                return "ListBackupVaults";
            }
            if (n == 2) {
                in.put("backupVaultName", SimRequest.decodePathSegment(seg[1]));
                return "DescribeBackupVault";
            }
            if (n == 3 && seg[2].equals("recovery-points")) {
                in.put("backupVaultName", SimRequest.decodePathSegment(seg[1]));
                // the filters are query parameters; keep them apart from the plan id of the plan operations
                for (String filter : new String[] {"backupPlanId", "resourceArn", "resourceType"}) {
                    if (in.has(filter)) {
                        in.set("by." + filter, in.remove(filter));
                    }
                }
                return "ListRecoveryPointsByBackupVault";
            }
        }
        return null;
    }

    @Override
    public String resourceArn(Call call, CallContext ctx) {
        ObjectNode in = call.input();
        if (in.has("backupPlanId")) {
            ObjectNode plan = plan(in.get("backupPlanId").asText(), ctx);
            return plan != null ? plan.path("BackupPlanArn").asText()
                    : ctx.arnPrefix("backup") + "backup-plan:" + in.get("backupPlanId").asText();
        }
        if (in.has("backupVaultName")) {
            ObjectNode vault = vault(in.get("backupVaultName").asText(), ctx);
            return vault != null ? vault.path("BackupVaultArn").asText()
                    : ctx.arnPrefix("backup") + "backup-vault:" + in.get("backupVaultName").asText();
        }
        return in.has("resourceArn") ? in.get("resourceArn").asText() : null;
    }

    @Override
    public SimResponse invoke(Call call, CallContext ctx) {
        ObjectNode in = call.input();
        ObjectNode out;
        switch (call.operation()) {
            case "ListBackupPlans":
                out = listBackupPlans(in, ctx);
                break;
            case "GetBackupPlan":
                out = copyWithout(requirePlan(in, ctx), "Selections");
                break;
            case "ListBackupSelections":
                out = listSelections(in, ctx);
                break;
            case "GetBackupSelection":
                out = getSelection(in, ctx);
                break;
            case "DescribeRegionSettings":
                out = regionSettings(ctx);
                break;
            case "UpdateRegionSettings":
                out = updateRegionSettings(in, ctx);
                break;
            case "CreateBackupPlan":
                out = createPlan(in, ctx);
                break;
            case "CreateBackupSelection":
                out = createSelection(in, ctx);
                break;
            case "DeleteBackupSelection":
                out = deleteSelection(in, ctx);
                break;
            case "ListRecoveryPointsByResource":
                out = listRecoveryPoints(in, ctx);
                break;
            case "DescribeBackupVault":
                out = describeVault(in, ctx);
                break;
            case "ListRecoveryPointsByBackupVault":
                out = listRecoveryPointsByVault(in, ctx);
                break;
            default:
                out = page(new ArrayList<>(ctx.region.backupVaults), "BackupVaultList", in, ctx);
        }
        return new SimResponse(200, "application/json", JsonService.write(out));
    }

    private ObjectNode listBackupPlans(ObjectNode in, CallContext ctx) {
        boolean includeDeleted = "true".equalsIgnoreCase(in.path("includeDeleted").asText(""));
        List<JsonNode> items = new ArrayList<>();
        for (ObjectNode plan : ctx.region.backupPlans) {
            if (!includeDeleted && plan.hasNonNull("DeletionDate")) {
                continue;
            }
            ObjectNode item = copyWithout(plan, "Selections", "BackupPlan");
            if (!item.has("BackupPlanName") && plan.path("BackupPlan").has("BackupPlanName")) {
                item.set("BackupPlanName", plan.path("BackupPlan").get("BackupPlanName"));
            }
            items.add(item);
        }
        return page(items, "BackupPlansList", in, ctx);
    }

    private ObjectNode listSelections(ObjectNode in, CallContext ctx) {
        ObjectNode plan = requirePlan(in, ctx);
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode sel : plan.path("Selections")) {
            ObjectNode item = JsonService.MAPPER.createObjectNode();
            item.put("SelectionId", sel.path("SelectionId").asText());
            item.set("SelectionName", sel.path("BackupSelection").path("SelectionName"));
            item.put("BackupPlanId", plan.path("BackupPlanId").asText());
            copyIfPresent(sel, item, "CreationDate");
            copyIfPresent(sel, item, "CreatorRequestId");
            copyIfPresent(sel.path("BackupSelection"), item, "IamRoleArn");
            items.add(item);
        }
        return page(items, "BackupSelectionsList", in, ctx);
    }

    private ObjectNode getSelection(ObjectNode in, CallContext ctx) {
        ObjectNode plan = requirePlan(in, ctx);
        String id = in.get("selectionId").asText();
        for (JsonNode sel : plan.path("Selections")) {
            if (id.equals(sel.path("SelectionId").asText())) {
                ObjectNode out = copyWithout((ObjectNode) sel);
                out.put("BackupPlanId", plan.path("BackupPlanId").asText());
                return out;
            }
        }
        throw notFound("Backup selection " + id + " of plan " + plan.path("BackupPlanId").asText() + " does not exist");
    }

    /** Adds a live plan with the given rules, a new id and version, and no selection (test-only write mode). */
    private static ObjectNode createPlan(ObjectNode in, CallContext ctx) {
        JsonNode doc = in.path("BackupPlan");
        if (!doc.isObject() || !doc.path("BackupPlanName").isTextual() || !doc.path("Rules").isArray()) {
            throw ApiError.badRequest("InvalidParameterValueException", "BackupPlan with BackupPlanName and Rules is required");
        }
        String id = java.util.UUID.randomUUID().toString();
        String version = java.util.UUID.randomUUID().toString().replace("-", "");
        long now = java.time.Instant.now().getEpochSecond();
        ObjectNode plan = JsonService.MAPPER.createObjectNode();
        plan.put("BackupPlanId", id);
        plan.put("BackupPlanArn", ctx.arnPrefix("backup") + "backup-plan:" + id);
        plan.put("BackupPlanName", doc.path("BackupPlanName").asText());
        plan.put("VersionId", version);
        plan.put("CreationDate", now);
        plan.putNull("DeletionDate");
        ObjectNode body = plan.putObject("BackupPlan");
        body.put("BackupPlanName", doc.path("BackupPlanName").asText());
        ArrayNode rules = body.putArray("Rules");
        for (JsonNode rule : doc.path("Rules")) {
            ObjectNode r = ((ObjectNode) rule).deepCopy();
            // AWS gives each rule its own id
            r.put("RuleId", java.util.UUID.randomUUID().toString());
            rules.add(r);
        }
        plan.putArray("Selections");
        synchronized (ctx.region) {
            ctx.region.backupPlans.add(plan);
        }
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        out.put("BackupPlanId", id);
        out.put("BackupPlanArn", plan.get("BackupPlanArn").asText());
        out.put("VersionId", version);
        out.put("CreationDate", now);
        return out;
    }

    /** Adds a selection to a plan, with a new id (test-only write mode). */
    private ObjectNode createSelection(ObjectNode in, CallContext ctx) {
        ObjectNode plan = requirePlan(in, ctx);
        if (!in.path("BackupSelection").isObject()) {
            throw ApiError.badRequest("InvalidParameterValueException", "BackupSelection is required");
        }
        String id = java.util.UUID.randomUUID().toString();
        long now = java.time.Instant.now().getEpochSecond();
        synchronized (plan) {
            ArrayNode list = plan.path("Selections").isArray() ? (ArrayNode) plan.get("Selections")
                    : plan.putArray("Selections");
            ObjectNode sel = list.addObject();
            sel.put("SelectionId", id);
            sel.put("CreationDate", now);
            sel.set("BackupSelection", in.get("BackupSelection"));
        }
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        out.put("SelectionId", id);
        out.put("BackupPlanId", plan.path("BackupPlanId").asText());
        out.put("CreationDate", now);
        return out;
    }

    /** Removes a selection from its plan (test-only write mode). */
    private ObjectNode deleteSelection(ObjectNode in, CallContext ctx) {
        ObjectNode plan = requirePlan(in, ctx);
        String id = in.get("selectionId").asText();
        synchronized (plan) {
            ArrayNode list = plan.path("Selections").isArray() ? (ArrayNode) plan.get("Selections") : null;
            for (int i = 0; list != null && i < list.size(); i++) {
                if (id.equals(list.get(i).path("SelectionId").asText())) {
                    list.remove(i);
                    return JsonService.MAPPER.createObjectNode();
                }
            }
        }
        throw notFound("Backup selection " + id + " of plan " + plan.path("BackupPlanId").asText() + " does not exist");
    }

    /** Merges the given preferences into the region's, as UpdateRegionSettings does (test-only write mode). */
    private static ObjectNode updateRegionSettings(ObjectNode in, CallContext ctx) {
        synchronized (ctx.region) {
            if (ctx.region.backupRegionSettings == null) {
                ctx.region.backupRegionSettings = regionSettings(ctx);
            }
            for (String map : new String[] {"ResourceTypeOptInPreference", "ResourceTypeManagementPreference"}) {
                if (in.path(map).isObject()) {
                    ObjectNode target = ctx.region.backupRegionSettings.path(map).isObject()
                            ? (ObjectNode) ctx.region.backupRegionSettings.get(map)
                            : ctx.region.backupRegionSettings.putObject(map);
                    target.setAll((ObjectNode) in.get(map));
                }
            }
        }
        return JsonService.MAPPER.createObjectNode();
    }

    private static ObjectNode regionSettings(CallContext ctx) {
        if (ctx.region.backupRegionSettings != null) {
            return ctx.region.backupRegionSettings;
        }
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        out.putObject("ResourceTypeOptInPreference");
        out.putObject("ResourceTypeManagementPreference");
        return out;
    }

    private ObjectNode listRecoveryPoints(ObjectNode in, CallContext ctx) {
        String arn = in.get("resourceArn").asText();
        List<JsonNode> items = new ArrayList<>();
        for (ObjectNode point : ctx.region.recoveryPoints) {
            if (arn.equals(point.path("ResourceArn").asText())) {
                // the fixture's grouping key and the creator are not part of this listing's item shape
                items.add(copyWithout(point, "ResourceArn", "CreatedBy"));
            }
        }
        return page(items, "RecoveryPoints", in, ctx);
    }

    /** The vault's recovery points, filtered by plan (CreatedBy.BackupPlanId), resource ARN and resource type. */
    private ObjectNode listRecoveryPointsByVault(ObjectNode in, CallContext ctx) {
        String name = in.get("backupVaultName").asText();
        ObjectNode vault = vault(name, ctx);
        if (vault == null) {
            throw notFound("Backup vault " + name + " does not exist");
        }
        String plan = in.path("by.backupPlanId").asText(null);
        String arn = in.path("by.resourceArn").asText(null);
        String type = in.path("by.resourceType").asText(null);
        List<JsonNode> items = new ArrayList<>();
        for (ObjectNode point : ctx.region.recoveryPoints) {
            String resourceArn = point.path("ResourceArn").asText();
            String resourceType = resourceArn.startsWith(ctx.arnPrefix("dynamodb")) ? "DynamoDB" : "";
            if (name.equals(point.path("BackupVaultName").asText())
                    && (plan == null || plan.equals(point.path("CreatedBy").path("BackupPlanId").asText()))
                    && (arn == null || arn.equals(resourceArn)) && (type == null || type.equals(resourceType))) {
                ObjectNode item = point.deepCopy();
                item.put("ResourceType", resourceType);
                item.set("BackupVaultArn", vault.get("BackupVaultArn"));
                if (item.has("BackupSizeBytes")) {
                    item.set("BackupSizeInBytes", item.remove("BackupSizeBytes"));
                }
                items.add(item);
            }
        }
        return page(items, "RecoveryPoints", in, ctx);
    }

    private ObjectNode describeVault(ObjectNode in, CallContext ctx) {
        String name = in.get("backupVaultName").asText();
        ObjectNode vault = vault(name, ctx);
        if (vault == null) {
            throw notFound("Backup vault " + name + " does not exist");
        }
        return vault;
    }

    private ObjectNode page(List<JsonNode> items, String listName, ObjectNode in, CallContext ctx) {
        int size = Paging.size(in.get("maxResults"), ctx.defaultPageSize, MAX_RESULTS, this);
        int start = Paging.start(in.get("nextToken"), this);
        ObjectNode out = JsonService.MAPPER.createObjectNode();
        ArrayNode page = out.putArray(listName);
        Paging.slice(items, start, size).forEach(page::add);
        String next = Paging.next(items, start, size);
        if (next != null) {
            out.put("NextToken", next);
        }
        return out;
    }

    private ObjectNode requirePlan(ObjectNode in, CallContext ctx) {
        String id = in.get("backupPlanId").asText();
        ObjectNode plan = plan(id, ctx);
        if (plan == null) {
            throw notFound("Backup plan " + id + " does not exist");
        }
        return plan;
    }

    private static ObjectNode plan(String id, CallContext ctx) {
        for (ObjectNode p : ctx.region.backupPlans) {
            if (id.equals(p.path("BackupPlanId").asText())) {
                return p;
            }
        }
        return null;
    }

    private static ObjectNode vault(String name, CallContext ctx) {
        for (ObjectNode v : ctx.region.backupVaults) {
            if (name.equals(v.path("BackupVaultName").asText())) {
                return v;
            }
        }
        return null;
    }

    private static ObjectNode copyWithout(ObjectNode source, String... drop) {
        ObjectNode copy = source.deepCopy();
        copy.remove(List.of(drop));
        return copy;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ApiError notFound(String message) {
        return new ApiError("ResourceNotFoundException", 400, message);
    }

    @Override
    public ApiError commonError(CommonError kind, String message) {
        switch (kind) {
            case THROTTLED:
                return new ApiError("ThrottlingException", 429, message);
            case SERVER_ERROR:
                return new ApiError("ServiceUnavailableException", 503, message);
            case ACCESS_DENIED:
                return new ApiError("AccessDeniedException", 403, message);
            case UNRECOGNIZED_CLIENT:
                return new ApiError("UnrecognizedClientException", 403, message);
            case EXPIRED_TOKEN:
                return new ApiError("ExpiredTokenException", 403, message);
            case UNKNOWN_OPERATION:
                return new ApiError("UnknownOperationException", 404, message);
            default:
                return new ApiError("InvalidParameterValueException", 400, message);
        }
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        return restJsonError(error);
    }

    /** An error as the REST-JSON services (Backup, Security Hub) answer it: Code and Message, and the error type. */
    static SimResponse restJsonError(ApiError error) {
        ObjectNode body = JsonService.MAPPER.createObjectNode();
        body.put("Code", error.code());
        body.put("Message", error.getMessage());
        return new SimResponse(error.status(), "application/json", JsonService.write(body))
                .header("x-amzn-ErrorType", error.code());
    }
}
