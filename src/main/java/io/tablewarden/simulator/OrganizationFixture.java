package io.tablewarden.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated organisation fixture (format: {@code docs/organization-fixture.md}): the organisation, its root
 * and organisational units, and its accounts, each active account with an ordinary account fixture and the roles
 * other accounts may assume into it. Immutable once loaded.
 */
final class OrganizationFixture {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE");

    /** An organisational unit and the parent (root or unit) it sits in. */
    record Unit(String id, String name, String parentId) {
    }

    /**
     * A role in an account: who may assume it (account ids, meaning any identity of that account, or exact
     * ARNs) and the external id it requires, if any.
     */
    record Role(String name, List<String> trustedPrincipals, String externalId) {

        boolean trusts(String callerArn, String callerAccount) {
            for (String p : trustedPrincipals) {
                if (p.equals(callerAccount) || p.equals(callerArn)
                        || p.equals("arn:aws:iam::" + callerAccount + ":root")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One account of the organisation; {@code fixture} is null for an account that is not active. */
    record Account(String id, String name, String email, String status, String parentId, Instant joined,
                   List<Role> roles, Fixture fixture) {

        Optional<Role> role(String roleName) {
            return roles.stream().filter(r -> r.name().equals(roleName)).findFirst();
        }

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    final String id;
    final String managementAccountId;
    final String rootId;
    final List<Unit> units;
    final Map<String, Account> accounts;

    private OrganizationFixture(String id, String managementAccountId, String rootId, List<Unit> units,
                                Map<String, Account> accounts) {
        this.id = id;
        this.managementAccountId = managementAccountId;
        this.rootId = rootId;
        this.units = List.copyOf(units);
        this.accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    }

    Account management() {
        return accounts.get(managementAccountId);
    }

    Account account(String accountId) {
        return accounts.get(accountId);
    }

    String arn() {
        return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    /**
     * Reads an organisation fixture file; an account's {@code fixture} given as a string names a file relative to
     * this one.
     */
    static OrganizationFixture load(Path file, Options options) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        return parse(Files.readString(file), name -> Files.readString(folder.resolve(name)), options);
    }

    /** How the account fixtures are read (see {@link FixtureLoader}). */
    record Options(boolean shiftRecoveryPoints, Instant now, boolean allowInvalidNames) {
    }

    /** Reads the account fixture files an organisation fixture names. */
    @FunctionalInterface
    interface FileSource {
        String read(String name) throws IOException;
    }

    /** Parses an organisation fixture; account fixtures named by file come from {@code files} (null: none). */
    static OrganizationFixture parse(String json, FileSource files, Options options) throws IOException {
        JsonNode root = readTree(json, "$");
        if (!root.isObject()) {
            throw new FixtureException("$", "must be an object");
        }
        JsonNode org = root.get("organization");
        if (org == null || !org.isObject()) {
            throw new FixtureException("$.organization", "is required and must be an object");
        }
        String id = text(org, "id", "$.organization", ORG_ID, "an organisation id such as o-a1b2c3d4e5");
        String management = text(org, "managementAccountId", "$.organization", ACCOUNT_ID, "12 digits");
        String rootId = text(org, "rootId", "$.organization", ROOT_ID, "a root id such as r-a1b2");

        List<Unit> units = new ArrayList<>();
        Set<String> parents = new HashSet<>(Set.of(rootId));
        JsonNode unitNodes = root.path("organizationalUnits");
        if (!unitNodes.isMissingNode() && !unitNodes.isArray()) {
            throw new FixtureException("$.organizationalUnits", "must be an array");
        }
        for (int i = 0; i < unitNodes.size(); i++) {
            String at = "$.organizationalUnits[" + i + "]";
            JsonNode u = unitNodes.get(i);
            String unitId = text(u, "id", at, OU_ID, "an OU id such as ou-a1b2-5example");
            String name = text(u, "name", at, null, null);
            String parent = text(u, "parentId", at, null, null);
            if (!parents.contains(parent)) {
                throw new FixtureException(at + ".parentId", "names neither the root nor an OU listed before: \""
                        + parent + "\"");
            }
            if (!parents.add(unitId)) {
                throw new FixtureException(at + ".id", "is listed twice: \"" + unitId + "\"");
            }
            units.add(new Unit(unitId, name, parent));
        }

        JsonNode accountNodes = root.get("accounts");
        if (accountNodes == null || !accountNodes.isArray() || accountNodes.isEmpty()) {
            throw new FixtureException("$.accounts", "is required and must be a non-empty array");
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (int i = 0; i < accountNodes.size(); i++) {
            String at = "$.accounts[" + i + "]";
            JsonNode a = accountNodes.get(i);
            String accountId = text(a, "id", at, ACCOUNT_ID, "12 digits");
            if (accounts.containsKey(accountId)) {
                throw new FixtureException(at + ".id", "is listed twice: \"" + accountId + "\"");
            }
            String name = text(a, "name", at, null, null);
            String email = a.hasNonNull("email") ? text(a, "email", at, null, null)
                    : name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT) + "@example.com";
            String status = a.hasNonNull("status") ? text(a, "status", at, null, null) : "ACTIVE";
            if (!STATUSES.contains(status)) {
                throw new FixtureException(at + ".status", "must be one of " + new java.util.TreeSet<>(STATUSES));
            }
            String parent = a.hasNonNull("parentId") ? text(a, "parentId", at, null, null) : rootId;
            if (!parents.contains(parent)) {
                throw new FixtureException(at + ".parentId", "names neither the root nor a listed OU: \"" + parent
                        + "\"");
            }
            Instant joined = Instant.parse(a.path("joined").asText("2024-01-15T09:00:00Z"));
            List<Role> roles = roles(a.get("roles"), at, management);
            Fixture fixture = null;
            JsonNode f = a.get("fixture");
            if (f != null && !f.isNull()) {
                fixture = accountFixture(f, at + ".fixture", files, options);
                if (!fixture.account.equals(accountId)) {
                    throw new FixtureException(at + ".fixture.account", "is " + fixture.account
                            + ", not the account's id " + accountId);
                }
            } else if ("ACTIVE".equals(status)) {
                throw new FixtureException(at + ".fixture", "is required for an ACTIVE account");
            }
            accounts.put(accountId, new Account(accountId, name, email, status, parent, joined, roles, fixture));
        }
        Account managementAccount = accounts.get(management);
        if (managementAccount == null || !managementAccount.active()) {
            throw new FixtureException("$.organization.managementAccountId",
                    "must name an ACTIVE account of $.accounts: " + management);
        }
        return new OrganizationFixture(id, management, rootId, units, accounts);
    }

    private static List<Role> roles(JsonNode node, String at, String management) throws FixtureException {
        List<Role> roles = new ArrayList<>();
        if (node == null || node.isNull()) {
            return roles;
        }
        if (!node.isArray()) {
            throw new FixtureException(at + ".roles", "must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            String rat = at + ".roles[" + i + "]";
            JsonNode r = node.get(i);
            String name = text(r, "name", rat, ROLE_NAME, "a role name ([\\w+=,.@-], at most 64)");
            List<String> trusted = new ArrayList<>();
            JsonNode t = r.get("trustedPrincipals");
            if (t == null || t.isNull()) {
                trusted.add(management);
            } else if (!t.isArray()) {
                throw new FixtureException(rat + ".trustedPrincipals", "must be an array");
            } else {
                for (JsonNode p : t) {
                    if (!p.isTextual() || !(ACCOUNT_ID.matcher(p.asText()).matches() || p.asText().startsWith("arn:"))) {
                        throw new FixtureException(rat + ".trustedPrincipals", "holds an account id or an ARN each");
                    }
                    trusted.add(p.asText());
                }
            }
            String externalId = r.hasNonNull("externalId") ? text(r, "externalId", rat, null, null) : null;
            roles.add(new Role(name, List.copyOf(trusted), externalId));
        }
        return roles;
    }

    private static Fixture accountFixture(JsonNode node, String at, FileSource files, Options options)
            throws IOException {
        String json;
        if (node.isTextual()) {
            if (files == null) {
                throw new FixtureException(at, "a fixture file can only be named in an organisation fixture file");
            }
            json = files.read(node.asText());
        } else if (node.isObject()) {
            json = node.toString();
        } else {
            throw new FixtureException(at, "must be an account fixture object or the name of its file");
        }
        try {
            return FixtureLoader.parse(json, options.shiftRecoveryPoints(), options.now(), options.allowInvalidNames());
        } catch (FixtureException e) {
            throw new FixtureException(at, e.getMessage());
        }
    }

    private static JsonNode readTree(String json, String at) throws FixtureException {
        try {
            JsonNode root = STRICT.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new FixtureException(at, "empty document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new FixtureException(at, "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field, String at, Pattern pattern, String shape)
            throws FixtureException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new FixtureException(at + "." + field, "is required");
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new FixtureException(at + "." + field, "must be a non-empty string");
        }
        if (pattern != null && !pattern.matcher(v.asText()).matches()) {
            throw new FixtureException(at + "." + field, "must be " + shape + ": \"" + v.asText() + "\"");
        }
        return v.asText();
    }
}
