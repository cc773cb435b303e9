package io.tablewarden.scenarios;

import io.tablewarden.engine.checks.Check;
import io.tablewarden.engine.checks.CheckRegistry;
import io.tablewarden.model.ResourceType;

import java.util.Map;

/**
 * What a full scan of the built-in demo account yields, for every test that counts its results. The demo's
 * resources are declared here once (they are facts of {@code demo-account.json}, described in
 * {@code docs/demo-account.md}, and {@link DemoAccountTest} holds them to the fixture and to a real scan); the
 * result counts are computed from the registry, so a new check changes no test.
 */
public final class DemoAccount {

    /** DynamoDB tables per enabled region. */
    public static final Map<String, Integer> TABLES = Map.of(
            "us-east-1", 22, "eu-west-1", 13, "eu-central-1", 8, "ap-southeast-2", 4);

    /** DAX clusters per enabled region. */
    public static final Map<String, Integer> DAX_CLUSTERS = Map.of(
            "us-east-1", 3, "eu-west-1", 1, "eu-central-1", 1, "ap-southeast-2", 1);

    private DemoAccount() {
    }

    /** Results of a scan of every region with every built-in check: one per resource and check of its type. */
    public static int results() {
        return TABLES.keySet().stream().mapToInt(DemoAccount::results).sum();
    }

    /** Results in one region of a scan with every built-in check. */
    public static int results(String region) {
        return TABLES.get(region) * checks(ResourceType.TABLE)
                + DAX_CLUSTERS.get(region) * checks(ResourceType.DAX_CLUSTER);
    }

    /**
     * Results in a region whose table list could not be read: no table is judged (the region gets one region
     * error instead of made-up resources), the DAX checks judge the region's clusters as usual.
     */
    public static int resultsWithoutTableList(String region) {
        return DAX_CLUSTERS.get(region) * checks(ResourceType.DAX_CLUSTER);
    }

    /** How many built-in checks judge resources of {@code type}. */
    public static int checks(ResourceType type) {
        int count = 0;
        for (Check check : CheckRegistry.builtIn().all()) {
            if (check.metadata().resourceType() == type) {
                count++;
            }
        }
        return count;
    }
}
