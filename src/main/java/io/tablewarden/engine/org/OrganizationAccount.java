package io.tablewarden.engine.org;

/**
 * One account of an organisation as Organizations lists it, with the organisational unit it sits in.
 *
 * @param id       the 12-digit account id
 * @param name     the account's name
 * @param status   {@code ACTIVE}, {@code SUSPENDED} or {@code PENDING_CLOSURE}
 * @param unitId   the OU it sits in, or the root's id when it sits directly under the root
 * @param unitPath the names of the OUs from the root down ({@code Production/Payments}); empty under the root
 */
public record OrganizationAccount(String id, String name, String status, String unitId, String unitPath) {

    /** True for an account that can be scanned; suspended and closing accounts cannot. */
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
