package io.tablewarden.engine.aws.credentials;

/**
 * Asks the person at the keyboard for the current code of an MFA device. The CLI prompts on the terminal or
 * passes {@code --mfa-code}; a desktop front end shows a dialog. Called each time a role that requires MFA is
 * assumed, i.e. again when its session is renewed.
 */
@FunctionalInterface
public interface MfaCodeSupplier {

    /** A supplier with no one to ask: every role that needs MFA fails with {@link MfaCodeRequiredException}. */
    MfaCodeSupplier NONE = (profile, serial) -> null;

    /**
     * The code, or null/blank when none can be had.
     *
     * @param profile   the profile whose role needs the code
     * @param mfaSerial the profile's {@code mfa_serial}: the device's ARN or serial number
     */
    String mfaCode(String profile, String mfaSerial);

    /** Always answers {@code code}, e.g. from a command-line option. */
    static MfaCodeSupplier fixed(String code) {
        return (profile, serial) -> code;
    }
}
