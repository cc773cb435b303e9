package io.tablewarden.packaging;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisation's audit role (docs/organization): the StackSet template parses as plain YAML, trusts only the
 * auditor's account (with the external id when one is given) and grants exactly what an audited account needs of
 * docs/iam-policy.json; the Terraform module parses and deploys that template to the named OUs, also to accounts
 * that join them later.
 */
class OrganizationRoleSnippetsTest {

    private static final Path STACKSET = Path.of("docs/organization/audit-role-stackset.yaml");
    private static final Path MODULE = Path.of("docs/organization/main.tf");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void theStackSetTemplateTrustsTheAuditorAndGrantsTheMemberPolicy() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> template = (Map<String, Object>) new Yaml(new SafeConstructor(options))
                .load(Files.readString(STACKSET));
        Map<String, Object> parameters = (Map<String, Object>) template.get("Parameters");
        assertTrue(parameters.keySet().containsAll(List.of("AuditorAccountId", "ExternalId", "RoleName")));
        assertEquals(Boolean.TRUE, ((Map<String, Object>) parameters.get("ExternalId")).get("NoEcho"));

        Map<String, Object> role = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get("TablewardenAuditRole");
        assertEquals("AWS::IAM::Role", role.get("Type"));
        Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
        JsonNode trust = JSON.valueToTree(properties.get("AssumeRolePolicyDocument")).get("Statement").get(0);
        assertEquals("sts:AssumeRole", trust.get("Action").asText());
        assertEquals("arn:${AWS::Partition}:iam::${AuditorAccountId}:root",
                trust.get("Principal").get("AWS").get("Fn::Sub").asText());
        JsonNode condition = trust.get("Condition").get("Fn::If");
        assertEquals("HasExternalId", condition.get(0).asText());
        assertEquals("ExternalId", condition.get(1).get("StringEquals").get("sts:ExternalId").get("Ref").asText());
        assertEquals("AWS::NoValue", condition.get(2).get("Ref").asText());

        List<Object> policies = (List<Object>) properties.get("Policies");
        assertEquals(1, policies.size());
        JsonNode granted = JSON.valueToTree(((Map<String, Object>) policies.get(0)).get("PolicyDocument"));
        assertEquals(AuditRoleSnippetsTest.policy(), granted,
                "the StackSet's policy differs from docs/iam-policy.json's member statements");
        assertFalse(granted.toString().contains("organizations:"), "a member needs no Organizations access");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTerraformModuleDeploysTheTemplateToEveryMemberOfTheOus() throws Exception {
        String text = Files.readString(MODULE);
        Map<String, Object> parsed;
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            parsed = (Map<String, Object>) new HCLParser().parse(text);
        } finally {
            System.setOut(original);
        }
        Map<String, Object> variables = (Map<String, Object>) parsed.get("variable");
        assertTrue(variables.keySet().containsAll(List.of("auditor_account_id", "organizational_unit_ids",
                "external_id", "role_name")), variables.keySet().toString());
        Map<String, Object> resources = (Map<String, Object>) parsed.get("resource");
        Map<String, Object> stackSet = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_cloudformation_stack_set")).get("tablewarden_audit_role");
        assertEquals("SERVICE_MANAGED", stackSet.get("permission_model"));
        assertEquals(List.of("CAPABILITY_NAMED_IAM"), stackSet.get("capabilities"));
        assertTrue(text.contains("template_body    = file(\"${path.module}/audit-role-stackset.yaml\")"), text);
        assertTrue(text.matches("(?s).*auto_deployment \\{\\s*enabled\\s*= true.*"), "new members get the role");
        Map<String, Object> instance = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_cloudformation_stack_set_instance")).get("members");
        assertTrue(String.valueOf(instance).contains("organizational_unit_ids"), String.valueOf(instance));
        // every template parameter is given by the module
        for (String p : List.of("AuditorAccountId", "ExternalId", "RoleName")) {
            assertTrue(text.matches("(?s).*\\n\\s*" + p + "\\s+= var\\..*"), p);
        }
    }
}
