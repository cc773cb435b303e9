package io.tablewarden.engine.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallMetricsTest {

    private static ExecutionAttributes call(String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, "DynamoDB");
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        return attributes;
    }

    @Test
    void aCallThatNeverSentAnythingDoesNotHideAnotherCallsRetry() {
        CallMetrics metrics = new CallMetrics();

        ExecutionAttributes unsent = call("ListTables");
        metrics.beforeExecution(null, unsent);
        metrics.onExecutionFailure(null, unsent);

        ExecutionAttributes retried = call("DescribeTable");
        metrics.beforeExecution(null, retried);
        metrics.beforeTransmission(null, retried);
        metrics.beforeTransmission(null, retried);
        metrics.afterExecution(null, retried);

        assertEquals(2, metrics.attempts());
        assertEquals(1, metrics.retries());
        assertEquals(0, metrics.inFlight());
    }

    @Test
    void eachCallCountsItsOwnAttempts() {
        CallMetrics metrics = new CallMetrics();
        for (int i = 0; i < 3; i++) {
            ExecutionAttributes once = call("DescribeTable");
            metrics.beforeExecution(null, once);
            metrics.beforeTransmission(null, once);
            metrics.afterExecution(null, once);
        }
        assertEquals(3, metrics.attempts());
        assertEquals(0, metrics.retries());
        assertEquals(3L, metrics.attemptsByOperation().get("dynamodb:DescribeTable"));
    }
}
