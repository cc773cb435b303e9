package io.tablewarden.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EC2 (EC2 Query protocol): only DescribeRegions, which tells the auditor which regions to scan. */
final class Ec2Service extends QueryXmlService {

    /** Regions an account must opt into; enabled ones report "opted-in", the rest "opt-in-not-required". */
    private static final Set<String> OPT_IN_REGIONS = Set.of("af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1",
            "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1");

    /** Well-known regions reported as not opted in by AllRegions=true when the fixture does not enable them. */
    private static final List<String> WELL_KNOWN = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "af-south-1", "ap-east-1", "eu-south-1",
            "me-south-1");

    Ec2Service() {
        super("ec2", "http://ec2.amazonaws.com/doc/2016-11-15/", Set.of("DescribeRegions"), Map.of(
                CommonError.THROTTLED, new ErrorCode("RequestLimitExceeded", 503),
                CommonError.SERVER_ERROR, new ErrorCode("Unavailable", 503),
                CommonError.ACCESS_DENIED, new ErrorCode("UnauthorizedOperation", 403),
                CommonError.UNRECOGNIZED_CLIENT, new ErrorCode("AuthFailure", 401),
                CommonError.EXPIRED_TOKEN, new ErrorCode("ExpiredToken", 400)),
                new ErrorCode("InvalidParameterValue", 400));
    }

    @Override
    String handle(String action, ObjectNode input, CallContext ctx) {
        boolean all = "true".equalsIgnoreCase(input.path("AllRegions").asText(""));
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 1; input.has("RegionName." + i); i++) {
            wanted.add(input.get("RegionName." + i).asText());
        }
        List<String[]> rows = new ArrayList<>();
        for (String region : ctx.fixture.sortedEnabledRegions()) {
            rows.add(new String[] {region, OPT_IN_REGIONS.contains(region) ? "opted-in" : "opt-in-not-required"});
        }
        if (all) {
            for (String region : WELL_KNOWN) {
                if (!ctx.fixture.isEnabled(region)) {
                    rows.add(new String[] {region, "not-opted-in"});
                }
            }
        }
        StringBuilder xml = new StringBuilder("<DescribeRegionsResponse xmlns=\"").append(namespace).append("\">")
                .append("<requestId>{requestId}</requestId><regionInfo>");
        String domain = ctx.fixture.partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        for (String[] row : rows) {
            if (!wanted.isEmpty() && !wanted.contains(row[0])) {
                continue;
            }
            xml.append("<item><regionName>").append(escape(row[0])).append("</regionName>")
                    .append("<regionEndpoint>ec2.").append(escape(row[0])).append('.').append(domain).append("</regionEndpoint>")
                    .append("<optInStatus>").append(row[1]).append("</optInStatus></item>");
        }
        return xml.append("</regionInfo></DescribeRegionsResponse>").toString();
    }

    @Override
    public SimResponse errorResponse(ApiError error, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
                + "<Code>" + escape(error.code()) + "</Code><Message>" + escape(error.getMessage()) + "</Message>"
                + "</Error></Errors><RequestID>" + requestId + "</RequestID></Response>";
        return new SimResponse(error.status(), "text/xml", xml);
    }
}
