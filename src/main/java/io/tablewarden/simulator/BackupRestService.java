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
        if (op != null && (op.startsWith("Update") || op.equals("CreateBackupSelection"))) {
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
                // the fixture's grouping key is not part of the AWS item shape
                items.add(copyWithout(point, "ResourceArn"));
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
