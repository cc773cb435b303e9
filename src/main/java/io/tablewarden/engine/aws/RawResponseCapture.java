package io.tablewarden.engine.aws;

import io.tablewarden.model.RawResponse;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Keeps every successful answer of the JSON-protocol services (DynamoDB, Application Auto Scaling, DAX, KMS,
 * AWS Backup) exactly as it came over the wire and hands it on as a {@link RawResponse}.
 *
 * <p>The body is copied when it arrives and the SDK gets a fresh stream over the same bytes, so the client
 * behaves as it would without the capture (the DynamoDB CRC32 check included). Each attempt replaces the copy
 * of the previous one; only when the whole call succeeded is the last copy emitted, so throttled attempts and
 * failed calls emit nothing. STS and EC2 answer in XML and are left alone. Bodies above {@link #MAX_BYTES} are
 * passed through uncopied: a list page that large is not worth holding twice in memory.
 */
public final class RawResponseCapture implements ExecutionInterceptor {

    /** Largest body that is copied; AWS's JSON answers for the calls of a scan stay far below. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Set<String> JSON_SERVICES = Set.of("dynamodb", "applicationautoscaling", "dax", "kms",
            "backup", "resourcegroupstaggingapi");
    private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("TablewardenRawBody");
    /** Marks "nothing to emit" without storing a null attribute; compared by identity. */
    private static final byte[] NOTHING = new byte[0];

    private final Consumer<RawResponse> sink;
    private volatile String accountId;
    private volatile String partition = "aws";

    /** @param sink receives each captured answer on the thread that made the call; must be quick */
    public RawResponseCapture(Consumer<RawResponse> sink) {
        this.sink = sink;
    }

    /** The audited account, from which table and key ARNs are built when a call names them without an ARN. */
    public void identify(String accountId, String partition) {
        this.partition = partition;
        this.accountId = accountId;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        attributes.putAttribute(BODY, NOTHING);
        if (body.isEmpty() || !context.httpResponse().isSuccessful() || !isJsonService(attributes)) {
            return body;
        }
        InputStream in = body.get();
        try {
            byte[] head = in.readNBytes(MAX_BYTES + 1);
            if (head.length > MAX_BYTES) {
                return Optional.of(new SequenceInputStream(new ByteArrayInputStream(head), in));
            }
            in.close();
            attributes.putAttribute(BODY, head);
            return Optional.of(new ByteArrayInputStream(head));
        } catch (IOException e) {
            // The same failure the SDK would have met reading the body itself; it decides whether to retry.
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(BODY);
        if (body == null || body == NOTHING) {
            return;
        }
        attributes.putAttribute(BODY, NOTHING);
        String action = ReadOnlyAllowlist.iamAction(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        String regionName = region == null ? null : region.id();
        SdkRequest request = context.request();
        sink.accept(new RawResponse(regionName, action,
                ResourceKeys.of(action, request, regionName, accountId, partition),
                RequestParameters.toJson(request), text(body)));
    }

    private static boolean isJsonService(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return service != null && JSON_SERVICES.contains(service.toLowerCase(java.util.Locale.ROOT));
    }

    /** A gzip-encoded body (magic bytes 1f 8b; JSON never starts so) is stored decompressed. */
    static String text(byte[] body) {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Not gzip after all: keep the bytes as they came.
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
