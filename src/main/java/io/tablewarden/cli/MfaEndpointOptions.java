package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;
import io.tablewarden.report.TerminalText;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * {@code --mfa-code} and {@code --endpoint-url}: how a command that resolves a profile gets its MFA code and where it
 * sends its calls. A picocli mixin, so every such command spells and checks them the same way.
 */
final class MfaEndpointOptions {

    @Option(names = "--mfa-code", paramLabel = "CODE",
            description = "Current MFA code when the profile's role has mfa_serial; asked on the terminal when omitted.")
    String mfaCode;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint.")
    URI endpointUrl;

    /** The code given on the command line, else a prompt on the terminal, else none. */
    MfaCodeSupplier mfaCodes() {
        return TerminalMfaCodes.of(mfaCode);
    }

    /** @throws CliException (usage) when the endpoint is not an http or https URL with a host */
    void checkEndpoint() {
        if (endpointUrl != null && (endpointUrl.getHost() == null
                || !("http".equals(endpointUrl.getScheme()) || "https".equals(endpointUrl.getScheme())))) {
            throw new CliException(ExitCodes.USAGE, "--endpoint-url must be an http:// or https:// URL, got '"
                    + TerminalText.clean(endpointUrl.toString()) + "'");
        }
    }
}
