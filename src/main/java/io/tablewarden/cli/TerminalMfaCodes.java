package io.tablewarden.cli;

import io.tablewarden.engine.aws.credentials.MfaCodeSupplier;

import java.io.Console;

/** Where the command line gets MFA codes: {@code --mfa-code}, else a prompt on the terminal, else nowhere. */
final class TerminalMfaCodes {

    private TerminalMfaCodes() {
    }

    static MfaCodeSupplier of(String mfaCode) {
        if (mfaCode != null && !mfaCode.isBlank()) {
            return MfaCodeSupplier.fixed(mfaCode.trim());
        }
        Console console = System.console();
        if (console == null) {
            // no terminal (CI, pipes): the profile's error says that a code is needed
            return MfaCodeSupplier.NONE;
        }
        return (profile, serial) -> {
            // concurrent scan threads wait for one prompt; the provider caches the session it buys
            synchronized (TerminalMfaCodes.class) {
                char[] code = console.readPassword("MFA code for profile %s (%s): ", profile, serial);
                return code == null ? null : new String(code).trim();
            }
        };
    }
}
