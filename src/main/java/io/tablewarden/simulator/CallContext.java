package io.tablewarden.simulator;

/** What a service needs besides the call itself: the fixture, the signed region and the paging defaults. */
final class CallContext {

    final Fixture fixture;
    final String regionName;
    final RegionData region;
    final int defaultPageSize;
    final SimRequest request;

    CallContext(Fixture fixture, String regionName, int defaultPageSize, SimRequest request) {
        this.fixture = fixture;
        this.regionName = regionName;
        // unsigned calls (Identity Center) carry no region
        this.region = regionName == null ? null : fixture.region(regionName);
        this.defaultPageSize = defaultPageSize;
        this.request = request;
    }

    /** The ARN prefix of this account and region for a service, e.g. {@code arn:aws:dynamodb:eu-west-1:123456789012:}. */
    String arnPrefix(String service) {
        return "arn:" + fixture.partition + ":" + service + ":" + regionName + ":" + fixture.account + ":";
    }
}
