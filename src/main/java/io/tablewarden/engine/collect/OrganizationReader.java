package io.tablewarden.engine.collect;

import io.tablewarden.engine.CancellationToken;
import io.tablewarden.engine.ConnectionSettings;
import io.tablewarden.engine.ScanRequest;
import io.tablewarden.engine.aws.AwsClientFactory;
import io.tablewarden.engine.aws.CallMetrics;
import io.tablewarden.engine.aws.ClientTuning;
import io.tablewarden.engine.aws.credentials.CredentialsEnvironment;

import io.tablewarden.engine.org.OrganizationAccount;
import io.tablewarden.engine.org.OrganizationMap;
import io.tablewarden.model.CollectionError;
import io.tablewarden.model.Fetch;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an organisation from its management account: DescribeOrganization, the root, then every OU and the
 * accounts of each, page by page, each call through a {@link CallGate} and the read-only guard like a scan's.
 */
public final class OrganizationReader {

    private final CredentialsEnvironment profiles;
    private final ClientTuning.Backoff backoff;

    /** @param profiles where profiles are read (null: the user's AWS files) */
    public OrganizationReader(CredentialsEnvironment profiles) {
        this(profiles, ClientTuning.Backoff.DEFAULT);
    }

    public OrganizationReader(CredentialsEnvironment profiles, ClientTuning.Backoff backoff) {
        this.profiles = profiles;
        this.backoff = backoff;
    }

    /** Why the organisation could not be read; the message is one line for the user. */
    public static final class OrganizationReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CollectionError error;

        OrganizationReadException(String message, CollectionError error) {
            super(message);
            this.error = error;
        }

        /** The failed call, or null when the failure was not a call's. */
        public CollectionError error() {
            return error;
        }
    }

    /**
     * The organisation of the account behind {@code connection}; blocks.
     *
     * @throws OrganizationReadException with a one-line reason naming the permission when a call fails
     */
    public OrganizationMap read(ConnectionSettings connection) {
        ClientTuning tuning = ClientTuning.of(2, ScanRequest.DEFAULT_CALL_TIMEOUT, ScanRequest.DEFAULT_MAX_ATTEMPTS,
                backoff);
        CallGate gate = new CallGate(2, new CancellationToken());
        try (AwsClientFactory clients = AwsClientFactory.of(connection, tuning, new CallMetrics(), profiles)
                .reportingThrottlesTo(gate::throttled)) {
            Fetch<StsCollector.CallerIdentity> who = new StsCollector(clients, gate).identify();
            if (who.isFailed()) {
                throw new OrganizationReadException("cannot identify the account: " + who.error().describe(),
                        who.error());
            }
            OrganizationsClient org = clients.organizations();
            Organization organization = get(gate.fetch("organizations:DescribeOrganization",
                    () -> org.describeOrganization(b -> { }).organization()));
            String rootId = rootId(org, gate);
            Map<String, String> parents = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            Map<String, String> paths = new HashMap<>();
            paths.put(rootId, "");
            List<OrganizationAccount> accounts = new ArrayList<>();
            Deque<String> pending = new ArrayDeque<>(List.of(rootId));
            while (!pending.isEmpty()) {
                String parent = pending.removeFirst();
                for (Account a : accountsOf(org, gate, parent)) {
                    String status = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
                    accounts.add(new OrganizationAccount(a.id(), a.name(), status, parent, paths.get(parent)));
                }
                for (OrganizationalUnit u : unitsOf(org, gate, parent)) {
                    parents.put(u.id(), parent);
                    names.put(u.id(), u.name());
                    String above = paths.get(parent);
                    paths.put(u.id(), above.isEmpty() ? u.name() : above + "/" + u.name());
                    pending.addLast(u.id());
                }
            }
            return new OrganizationMap(organization.id(), organization.masterAccountId(), who.value().accountId(),
                    who.value().partition(), rootId, accounts, parents, names);
        } catch (OrganizationReadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OrganizationReadException("cannot read the organisation: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), null);
        }
    }

    private static String rootId(OrganizationsClient org, CallGate gate) {
        ListRootsResponse page = get(gate.fetch("organizations:ListRoots",
                () -> org.listRoots(ListRootsRequest.builder().build())));
        if (page.roots().isEmpty()) {
            throw new OrganizationReadException("cannot read the organisation: it has no root", null);
        }
        return page.roots().get(0).id();
    }

    private static List<Account> accountsOf(OrganizationsClient org, CallGate gate, String parent) {
        List<Account> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAccountsForParentResponse page = get(gate.fetch("organizations:ListAccountsForParent",
                    () -> org.listAccountsForParent(ListAccountsForParentRequest.builder().parentId(parent)
                            .nextToken(next).build())));
            out.addAll(page.accounts());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    private static List<OrganizationalUnit> unitsOf(OrganizationsClient org, CallGate gate, String parent) {
        List<OrganizationalUnit> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListOrganizationalUnitsForParentResponse page = get(gate.fetch(
                    "organizations:ListOrganizationalUnitsForParent",
                    () -> org.listOrganizationalUnitsForParent(ListOrganizationalUnitsForParentRequest.builder()
                            .parentId(parent).nextToken(next).build())));
            out.addAll(page.organizationalUnits());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    private static <T> T get(Fetch<T> fetch) {
        if (fetch.isFailed()) {
            CollectionError e = fetch.error();
            String hint = "AWSOrganizationsNotInUseException".equals(e.errorCode())
                    ? " (the account is in no organisation)"
                    : e.kind() == CollectionError.Kind.ACCESS_DENIED
                    ? " (an organisation scan runs from the management account or a delegated administrator)" : "";
            throw new OrganizationReadException("cannot read the organisation: " + e.describe() + hint, e);
        }
        return fetch.value();
    }
}
