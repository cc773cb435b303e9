package io.tablewarden.app;

import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.CheckResult;
import io.tablewarden.model.ResourceRef;
import io.tablewarden.model.ResourceType;
import io.tablewarden.model.Severity;
import io.tablewarden.model.Status;
import io.tablewarden.model.inventory.Tag;
import io.tablewarden.store.Mute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prowler's mutelist semantics, on the shapes of its documented examples told with our check ids. */
class ProwlerMutelistTest {

    private static final String PITR = "dynamodb_tables_pitr_enabled";
    private static final String DELETION = "dynamodb_table_deletion_protection_enabled";
    private static final String CROSS = "dynamodb_table_cross_account_access";
    private static final String CMK = "dynamodb_tables_kms_cmk_encryption_enabled";
    private static final String DAX_MULTI_AZ = "dynamodb_accelerator_cluster_multi_az";
    private static final String OWN = "111122223333";

    @TempDir
    Path dir;

    private List<Mute> read(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = ProwlerMutelistTest.class.getResourceAsStream("/mutes/" + name)) {
            Files.copy(in, file);
        }
        return ProwlerMutelist.read(file, CheckRegistry.builtIn().ids(), "tester");
    }

    private static CheckResult table(String check, String account, String region, String name) {
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
        return new CheckResult(check, new ResourceRef(arn, name, ResourceType.TABLE, region, account), Status.FAIL,
                Severity.MEDIUM, "fails", Map.of(), Map.of());
    }

    private static CheckResult cluster(String check, String account, String region, String name) {
        String arn = "arn:aws:dax:" + region + ":" + account + ":cache/" + name;
        return new CheckResult(check, new ResourceRef(arn, name, ResourceType.DAX_CLUSTER, region, account),
                Status.FAIL, Severity.MEDIUM, "fails", Map.of(), Map.of());
    }

    private static List<Tag> tags(String... pairs) {
        List<Tag> out = new ArrayList<>();
        for (String pair : pairs) {
            String[] kv = pair.split("=", 2);
            out.add(new Tag(kv[0], kv[1]));
        }
        return out;
    }

    private static boolean muted(List<Mute> mutes, CheckResult result, List<Tag> tags) {
        return mutes.stream().anyMatch(m -> m.matches(result, tags));
    }

    @Test
    void everyRuleBecomesOneMuteWithTheFileAsReason() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        assertEquals(6, mutes.size());
        Path file = dir.resolve("documented-shapes.yaml");
        for (Mute mute : mutes) {
            assertTrue(mute.reason().startsWith("imported from " + file), mute.reason());
            assertEquals("tester", mute.createdBy());
            assertTrue(mute.rule() != null);
        }
        assertEquals("imported from " + file + ": DAX clusters are throw-away caches here", mutes.get(1).reason());
        assertNull(mutes.get(1).expiresAt());
        assertTrue(mutes.get(0).scope().contains("regions us-east-1"), mutes.get(0).scope());
    }

    @Test
    void aNamedCheckIsMutedOnlyInItsRegionsAndOnTheResourcesFound() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        assertTrue(muted(mutes, table(PITR, OWN, "us-east-1", "scratch-a"), List.of()));
        // Resources are searched, not matched whole: a longer name containing scratch-b is muted too.
        assertTrue(muted(mutes, table(PITR, OWN, "us-east-1", "old-scratch-b-2"), List.of()));
        assertFalse(muted(mutes, table(PITR, OWN, "eu-west-1", "scratch-a"), List.of()));
        assertFalse(muted(mutes, table(PITR, OWN, "us-east-1", "orders"), List.of()));
        assertFalse(muted(mutes, table(PITR, "999988887777", "us-east-1", "scratch-a"), List.of()));
    }

    @Test
    void aRegularExpressionCheckKeyCoversEveryCheckItIsFoundIn() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        assertTrue(muted(mutes, cluster(DAX_MULTI_AZ, OWN, "ap-southeast-2", "any-cache"), List.of()));
        assertTrue(muted(mutes, cluster("dynamodb_accelerator_cluster_encryption_enabled", OWN, "eu-west-1", "c"),
                List.of()));
        assertFalse(muted(mutes, table(CMK, OWN, "eu-west-1", "orders"), List.of()));
    }

    @Test
    void tagsAreAllRequiredAndABarInsideOneMeansEither() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        CheckResult sandbox = table(DELETION, OWN, "eu-central-1", "team-sandbox-7");
        assertTrue(muted(mutes, sandbox, tags("owner=qa", "stage=test")));
        assertTrue(muted(mutes, sandbox, tags("stage=dev", "owner=qa")));
        assertFalse(muted(mutes, sandbox, tags("owner=qa")), "both tag expressions must be found");
        assertFalse(muted(mutes, sandbox, tags("owner=qa", "stage=prod")));
        assertFalse(muted(mutes, sandbox, List.of()));
        assertFalse(muted(mutes, table(DELETION, OWN, "eu-central-1", "orders"), tags("owner=qa", "stage=dev")));
    }

    @Test
    void theStarAccountAppliesToEveryAccountWithRegionsAndResourceExpressions() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        String other = "999988887777";
        assertTrue(muted(mutes, table(DELETION, other, "eu-west-1", "session-cache"), List.of()));
        assertTrue(muted(mutes, table(DELETION, other, "us-east-1", "orders-tmp"), List.of()));
        assertFalse(muted(mutes, table(DELETION, other, "us-east-1", "-tmp"), List.of()), ".+ needs one character");
        assertFalse(muted(mutes, table(DELETION, other, "eu-central-1", "session-cache"), List.of()));
        assertTrue(muted(mutes, table(CMK, other, "ap-southeast-2", "x"), tags("team=a", "env=dev")));
        assertFalse(muted(mutes, table(CMK, other, "ap-southeast-2", "x"), tags("env=prod")));
    }

    @Test
    void exceptionsUnmuteWhatAllTheirListsMatch() throws Exception {
        List<Mute> mutes = read("documented-shapes.yaml");
        String excepted = "444455556666";
        assertFalse(muted(mutes, table(CROSS, excepted, "eu-west-1", "t"), List.of()));
        assertFalse(muted(mutes, table(CROSS, excepted, "eu-central-1", "t"), List.of()));
        // Every list given must match: the account alone, or the region alone, is not enough.
        assertTrue(muted(mutes, table(CROSS, excepted, "us-east-1", "t"), List.of()));
        assertTrue(muted(mutes, table(CROSS, "999988887777", "eu-west-1", "t"), List.of()));
    }

    @Test
    void anExceptionStopsTheRulesListedAfterItUnderTheSameAccount() throws Exception {
        List<Mute> mutes = read("exceptions-first.yaml");
        assertEquals(2, mutes.size());
        CheckResult keep = table(PITR, OWN, "eu-west-1", "keep-me");
        assertFalse(muted(mutes, keep, tags("env=prod")), "excepted by the first rule, so the second is not read");
        assertTrue(muted(mutes, keep, tags("env=dev")));
        assertTrue(muted(mutes, table(CMK, OWN, "eu-west-1", "other"), tags("env=prod")));
    }

    @Test
    void anUnknownCheckIdIsOneErrorWithFileAndLine() {
        ProwlerMutelist.MutelistException e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> read("unknown-check.yaml"));
        assertTrue(e.getMessage().startsWith(dir.resolve("unknown-check.yaml") + ":8: unknown check id"
                + " 's3_bucket_object_versioning'"), e.getMessage());
        assertTrue(e.getMessage().contains(PITR), "names the known ids: " + e.getMessage());
    }

    @Test
    void malformedYamlIsOneErrorWithFileAndLine() {
        ProwlerMutelist.MutelistException e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> read("malformed.yaml"));
        assertTrue(e.getMessage().startsWith(dir.resolve("malformed.yaml") + ":7: not valid YAML"), e.getMessage());
    }

    @Test
    void aBillionLaughsFileIsRefusedByTheAliasLimit() {
        ProwlerMutelist.MutelistException e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> read("alias-bomb.yaml"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void keysOutsideProwlersSchemaAndBadExpressionsAreRefused() throws Exception {
        Path unknownKey = dir.resolve("unknown-key.yaml");
        Files.writeString(unknownKey, "Mutelist:\n  Accounts:\n    \"*\":\n      Checks:\n        \"*\":\n"
                + "          Regions: [\"*\"]\n          Resources: [\"*\"]\n          Region: [\"x\"]\n");
        ProwlerMutelist.MutelistException e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> ProwlerMutelist.read(unknownKey, CheckRegistry.builtIn().ids(), "t"));
        assertTrue(e.getMessage().contains(":8: check * has an unknown key 'Region'"), e.getMessage());

        Path badRegex = dir.resolve("bad-regex.yaml");
        Files.writeString(badRegex, "Mutelist:\n  Accounts:\n    \"*\":\n      Checks:\n        \"*\":\n"
                + "          Regions: [\"*\"]\n          Resources: [\"prod-(\"]\n");
        e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> ProwlerMutelist.read(badRegex, CheckRegistry.builtIn().ids(), "t"));
        assertTrue(e.getMessage().contains(":7: 'prod-(' is not a valid regular expression"), e.getMessage());

        Path noTop = dir.resolve("allowlist.yaml");
        Files.writeString(noTop, "Allowlist:\n  Accounts: {}\n");
        e = assertThrows(ProwlerMutelist.MutelistException.class,
                () -> ProwlerMutelist.read(noTop, CheckRegistry.builtIn().ids(), "t"));
        assertTrue(e.getMessage().contains("no top-level Mutelist key"), e.getMessage());
    }
}
