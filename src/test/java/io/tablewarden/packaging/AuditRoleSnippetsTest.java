package io.tablewarden.packaging;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit-role snippets the README offers (CloudFormation and Terraform) parse, trust only the consultant's
 * account with an external id, and grant exactly the statements of {@code docs/iam-policy.json} an audited
 * account needs (all but the management-side statements of an organisation scan).
 */
class AuditRoleSnippetsTest {

    private static final Path CLOUDFORMATION = Path.of("docs/audit-role/cloudformation.yaml");
    private static final Path TERRAFORM = Path.of("docs/audit-role/main.tf");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void theCloudFormationRoleGrantsThePolicyToTheConsultantWithAnExternalId() throws IOException {
        Map<String, Object> template = (Map<String, Object>) cloudFormation(Files.readString(CLOUDFORMATION));
        Map<String, Object> parameters = (Map<String, Object>) template.get("Parameters");
        assertTrue(parameters.keySet().containsAll(List.of("ConsultantAccountId", "ExternalId")), "parameters");
        assertEquals(Boolean.TRUE, ((Map<String, Object>) parameters.get("ExternalId")).get("NoEcho"),
                "the external id is not echoed in the console");

        Map<String, Object> role = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get("TablewardenAuditRole");
        assertEquals("AWS::IAM::Role", role.get("Type"));
        Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
        JsonNode trust = JSON.valueToTree(properties.get("AssumeRolePolicyDocument"));
        JsonNode statement = trust.get("Statement").get(0);
        assertEquals("sts:AssumeRole", statement.get("Action").asText());
        assertEquals("!Sub arn:${AWS::Partition}:iam::${ConsultantAccountId}:root",
                statement.get("Principal").get("AWS").asText());
        assertEquals("!Ref ExternalId", statement.get("Condition").get("StringEquals").get("sts:ExternalId").asText());

        List<Object> policies = (List<Object>) properties.get("Policies");
        assertEquals(1, policies.size());
        JsonNode granted = JSON.valueToTree(((Map<String, Object>) policies.get(0)).get("PolicyDocument"));
        assertEquals(policy(), granted, "the template's policy differs from docs/iam-policy.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTerraformRoleParsesAndGrantsThePolicy() throws Exception {
        String text = Files.readString(TERRAFORM);
        Map<String, Object> parsed = hcl(text);
        Map<String, Object> resources = (Map<String, Object>) parsed.get("resource");
        Map<String, Object> role = (Map<String, Object>) ((Map<String, Object>) resources.get("aws_iam_role"))
                .get("tablewarden_audit");
        assertNotNull(role.get("assume_role_policy"), "the role has a trust policy");
        Map<String, Object> inline = (Map<String, Object>) ((Map<String, Object>) resources
                .get("aws_iam_role_policy")).get("tablewarden_read_only");
        JsonNode granted = JSON.readTree(String.valueOf(inline.get("policy")));
        assertEquals(policy(), granted, "main.tf's policy differs from docs/iam-policy.json");

        Map<String, Object> variables = (Map<String, Object>) parsed.get("variable");
        assertTrue(variables.keySet().containsAll(List.of("consultant_account_id", "external_id")), "variables");
        // The trust statement names the consultant's account and requires the external id.
        assertTrue(text.contains("\"sts:ExternalId\"") && text.contains("values   = [var.external_id]"), text);
        assertTrue(text.contains(":iam::${var.consultant_account_id}:root"), text);
    }

    /**
     * The policy an audited account's role needs: {@code docs/iam-policy.json} without the statements only the
     * management account of an organisation scan uses (their Sids end in {@code ManagementSide}).
     */
    static JsonNode policy() throws IOException {
        JsonNode policy = JSON.readTree(Files.readString(Path.of("docs/iam-policy.json")));
        com.fasterxml.jackson.databind.node.ArrayNode statements =
                (com.fasterxml.jackson.databind.node.ArrayNode) policy.get("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i).path("Sid").asText().endsWith("ManagementSide")) {
                statements.remove(i);
            }
        }
        return policy;
    }

    /** Parses with hcl4j; its console chatter is muted. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> hcl(String text) throws Exception {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return (Map<String, Object>) new HCLParser().parse(text);
        } finally {
            System.setOut(original);
        }
    }

    /** CloudFormation YAML: the scalar short forms used here ({@code !Ref}, {@code !Sub}, {@code !GetAtt}) as text. */
    private static Object cloudFormation(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new ShortForms(options)).load(yaml);
    }

    private static final class ShortForms extends SafeConstructor {
        ShortForms(LoaderOptions options) {
            super(options);
            for (String function : List.of("Ref", "Sub", "GetAtt")) {
                yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return "!" + function + " " + constructScalar((ScalarNode) node);
                    }
                });
            }
        }
    }
}
