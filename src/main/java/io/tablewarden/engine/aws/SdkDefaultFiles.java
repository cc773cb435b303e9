package io.tablewarden.engine.aws;

import java.nio.file.Path;

/**
 * Keeps the AWS SDK from reading the user's config and credentials files on its own.
 *
 * <p>Every SDK client, while it is built, loads the default profile file ({@code ~/.aws/config} and
 * {@code ~/.aws/credentials}, or the files named by {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE})
 * even when the client is given a profile file of its own, and it throws an {@code IllegalArgumentException}
 * without a file name when one of them is broken. Tablewarden hands every client the files it should use (none
 * for the simulator, the checked user files otherwise), so the SDK's own look-up is pointed at a file that does
 * not exist through the system properties the SDK reads before the environment. Which files are the user's is
 * decided by {@code CredentialsEnvironment} alone, from the environment as the AWS CLI decides it.
 */
final class SdkDefaultFiles {

    static final String CONFIG_PROPERTY = "aws.configFile";
    static final String CREDENTIALS_PROPERTY = "aws.sharedCredentialsFile";

    /** A path that is never a file: the SDK skips a default file that does not exist. */
    static final String NOWHERE = Path.of(System.getProperty("java.io.tmpdir"),
            "tablewarden-no-default-aws-files", "none").toString();

    private SdkDefaultFiles() {
    }

    /** Points the SDK's own look-up away from the user's files (again, should anything have reset it). */
    static synchronized void isolate() {
        System.setProperty(CONFIG_PROPERTY, NOWHERE);
        System.setProperty(CREDENTIALS_PROPERTY, NOWHERE);
    }
}
