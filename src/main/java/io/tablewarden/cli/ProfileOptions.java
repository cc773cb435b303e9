package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;

/** {@code --profile} with its {@code --mfa-code} and {@code --endpoint-url}: the options of a command that calls AWS. */
final class ProfileOptions {

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Named profile from the AWS config files.")
    String profile;

    @Mixin
    MfaEndpointOptions access = new MfaEndpointOptions();

    String mfaCode() {
        return access.mfaCode;
    }

    URI endpointUrl() {
        return access.endpointUrl;
    }

    /** The MFA codes for the profile's role; none without a profile (environment credentials ask for no code). */
    MfaCodeSupplier mfaCodes() {
        return profile == null ? null : access.mfaCodes();
    }

    /** @throws CliException (usage) for {@code --mfa-code} without a profile or an endpoint that is not a URL */
    void validate() {
        if (access.mfaCode != null && profile == null) {
            throw new CliException(ExitCodes.USAGE, "--mfa-code goes with --profile");
        }
        access.checkEndpoint();
    }
}
