package io.tablewarden.engine.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published least-privilege policy grants exactly what the allowlist lets the scan call. */
class IamPolicySyncTest {

    @Test
    void policyGrantsExactlyTheAllowlistedActions() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Path.of("docs/iam-policy.json").toFile());
        Set<String> granted = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            assertEquals("Allow", statement.get("Effect").asText());
            JsonNode action = statement.get("Action");
            if (action.isArray()) {
                action.forEach(a -> granted.add(a.asText()));
            } else {
                granted.add(action.asText());
            }
        }
        assertEquals(ReadOnlyAllowlist.requiredIamActions(), granted);
    }

    @Test
    void callerIdentityNeedsNoPermission() {
        // sts:GetCallerIdentity is allowed for every identity, so the policy does not (and need not) grant it.
        assertFalse(ReadOnlyAllowlist.requiredIamActions().contains("sts:GetCallerIdentity"));
        assertTrue(ReadOnlyAllowlist.allowsIamAction("sts:GetCallerIdentity"));
    }

    @Test
    void everyAllowedActionIsReadOnly() {
        for (ReadOnlyAllowlist.Operation op : ReadOnlyAllowlist.operations()) {
            String name = op.operation();
            if (op.iamAction().equals("sts:AssumeRole")) {
                // an organisation's member role: it hands out temporary credentials and changes nothing
                continue;
            }
            assertTrue(name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get"),
                    op.iamAction() + " does not look read-only");
            assertTrue(op.iamAction().endsWith(":" + name), op.iamAction());
        }
    }
}
