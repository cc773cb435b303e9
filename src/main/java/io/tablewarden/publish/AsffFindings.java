package io.tablewarden.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * Turns a finding as the ASFF report writes it (JSON) into the SDK's {@link AwsSecurityFinding}, so that what is
 * published is exactly what the {@code asff} report holds. The SDK's builders take the ASFF member names as bean
 * setters ({@code setSchemaVersion}, nested builders for objects); a member the SDK does not know is an error
 * rather than silently dropped.
 */
final class AsffFindings {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private AsffFindings() {
    }

    static AwsSecurityFinding of(ObjectNode finding) {
        try {
            Object builder = MAPPER.treeToValue(finding, AwsSecurityFinding.serializableBuilderClass());
            return ((AwsSecurityFinding.Builder) builder).build();
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("the finding does not fit the AWS Security Finding Format: "
                    + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the finding cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
