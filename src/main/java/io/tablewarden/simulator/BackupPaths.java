package io.tablewarden.simulator;

/** Recognises AWS Backup REST paths when a request carries no signing service to go by. */
final class BackupPaths {

    private BackupPaths() {
    }

    static boolean looksLikeBackup(String rawPath) {
        return rawPath.startsWith("/backup/") || rawPath.startsWith("/backup-vaults")
                || rawPath.startsWith("/account-settings") || rawPath.startsWith("/resources/");
    }
}
