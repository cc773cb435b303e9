package io.tablewarden.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;
import io.tablewarden.engine.collect.CallGate;
import io.tablewarden.engine.collect.StsCollector;
import io.tablewarden.model.Fetch;
import io.tablewarden.report.AsffReportWriter;
import io.tablewarden.report.ScanReport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a scan's findings to AWS Security Hub with BatchImportFindings, in batches of at most
 * {@link AsffReportWriter#BATCH_SIZE}: the only write Tablewarden makes. Its client is its own, built here with
 * {@link PublishGuard} (which lets BatchImportFindings through and nothing else); the scan's clients come from
 * {@link AwsClientFactory}, whose read-only guard refuses this call, and nothing on the scan's path refers to this
 * package.
 *
 * <p>A finding goes to its resource's region, where Security Hub's cross-region aggregation picks it up, or, when a
 * target region is given, to that region's default integration. Security Hub takes findings of the calling account
 * only (default product ARN), so the identity is checked against the scan's account before anything is sent.
 * A call that fails (after the SDK's retries) marks its batch failed and publishing goes on with the next batch.
 */
public final class SecurityHubPublisher implements AutoCloseable {

    /** Attempts per call, throttling included: a large organisation's import is throttled by design. */
    static final int MAX_ATTEMPTS = 8;

    private final AwsClientFactory credentials;
    private final ConnectionSettings settings;
    private final SdkHttpClient http;
    private final Map<String, SecurityHubClient> clients = new LinkedHashMap<>();

    /** A publisher signing as {@code settings} say, reading profiles from {@code environment} (null: the system's). */
    public SecurityHubPublisher(ConnectionSettings settings, CredentialsEnvironment environment) {
        this.settings = settings;
        this.credentials = AwsClientFactory.of(settings, ClientTuning.of(4, Duration.ofSeconds(30), MAX_ATTEMPTS),
                new CallMetrics(), environment);
        this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60)).build();
    }

    /** What was sent and what Security Hub refused. */
    public record Outcome(int findings, int imported, Map<String, Integer> perRegion, List<Failure> failures) {
        public boolean complete() {
            return failures.isEmpty() && imported == findings;
        }
    }

    /** One finding Security Hub did not take, or a whole batch whose call failed ({@code findingId} null). */
    public record Failure(String region, String findingId, int findings, String code, String message) {
    }

    /** Told after each call, so a long import shows progress. */
    public interface Progress {
        Progress NONE = (region, sent, total) -> { };

        void sent(String region, int sent, int total);
    }

    /**
     * Publishes every finding of {@code report}.
     *
     * @param targetRegion the region to import into, or null for each resource's own region
     * @throws PublishException when nothing can be sent: no identity, or an identity of another account
     */
    public Outcome publish(ScanReport report, String targetRegion, Progress progress) {
        String account = report.scan().accountId();
        if (account == null) {
            throw new PublishException("the scan never learnt its account, so its findings cannot be published");
        }
        String caller = callerAccount();
        if (!account.equals(caller)) {
            throw new PublishException("the scan is of account " + account + " but these credentials sign in to"
                    + " account " + caller + "; Security Hub takes findings of the calling account only");
        }
        Map<String, List<ObjectNode>> byRegion = new LinkedHashMap<>();
        for (ObjectNode finding : AsffReportWriter.findings(report)) {
            String region = targetRegion != null ? targetRegion : finding.path("Region").asText();
            byRegion.computeIfAbsent(region, r -> new ArrayList<>())
                    .add(targetRegion != null ? AsffReportWriter.importedInto(finding, region) : finding);
        }
        int total = byRegion.values().stream().mapToInt(List::size).sum();
        int imported = 0;
        int sent = 0;
        Map<String, Integer> perRegion = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> entry : byRegion.entrySet()) {
            String region = entry.getKey();
            List<ObjectNode> findings = entry.getValue();
            int regionImported = 0;
            for (int from = 0; from < findings.size(); from += AsffReportWriter.BATCH_SIZE) {
                List<ObjectNode> batch = findings.subList(from, Math.min(findings.size(),
                        from + AsffReportWriter.BATCH_SIZE));
                regionImported += send(region, batch, failures);
                sent += batch.size();
                progress.sent(region, sent, total);
            }
            perRegion.put(region, regionImported);
            imported += regionImported;
        }
        return new Outcome(total, imported, perRegion, failures);
    }

    /** Sends one batch; returns how many findings Security Hub took and adds the rest to {@code failures}. */
    private int send(String region, List<ObjectNode> batch, List<Failure> failures) {
        List<AwsSecurityFinding> findings = new ArrayList<>(batch.size());
        for (ObjectNode finding : batch) {
            findings.add(AsffFindings.of(finding));
        }
        BatchImportFindingsResponse response;
        try {
            response = client(region).batchImportFindings(b -> b.findings(findings));
        } catch (SdkException e) {
            failures.add(new Failure(region, null, batch.size(), errorCode(e), message(e)));
            return 0;
        }
        for (ImportFindingsError failed : response.failedFindings()) {
            failures.add(new Failure(region, failed.id(), 1, failed.errorCode(), failed.errorMessage()));
        }
        return response.successCount() != null ? response.successCount() : batch.size()
                - response.failedFindings().size();
    }

    private String callerAccount() {
        Fetch<StsCollector.CallerIdentity> who = new StsCollector(credentials,
                new CallGate(1, new CancellationToken())).identify();
        if (who.isFailed()) {
            throw new PublishException("the credentials do not work: " + who.error().message());
        }
        return who.value().accountId();
    }

    private SecurityHubClient client(String region) {
        return clients.computeIfAbsent(region, r -> {
            var builder = SecurityHubClient.builder()
                    .region(Region.of(r))
                    .credentialsProvider(credentials.signingCredentials())
                    .httpClient(http)
                    .overrideConfiguration(o -> {
                        o.addExecutionInterceptor(new PublishGuard())
                                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                        .maxAttempts(MAX_ATTEMPTS).build())
                                .apiCallTimeout(Duration.ofMinutes(3))
                                .apiCallAttemptTimeout(Duration.ofSeconds(60));
                        if (settings.profile() != null) {
                            o.defaultProfileName(settings.profile());
                        }
                        if (credentials.profileFile() != null) {
                            o.defaultProfileFile(credentials.profileFile())
                                    .defaultProfileFileSupplier(credentials::profileFile);
                        }
                    });
            if (settings.endpointUrl() != null) {
                builder.endpointOverride(settings.endpointUrl());
            }
            return builder.build();
        });
    }

    private static String errorCode(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String message(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }

    @Override
    public void close() {
        clients.values().forEach(SecurityHubClient::close);
        clients.clear();
        http.close();
        credentials.close();
    }
}
