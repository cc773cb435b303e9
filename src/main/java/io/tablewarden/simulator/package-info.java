/**
 * A local stand-in for one AWS account, built for tests, the demo mode and benchmarks.
 *
 * <p>{@link io.tablewarden.simulator.AccountSimulator} serves an account fixture (see the account fixture format)
 * on 127.0.0.1 over the real wire protocols of DynamoDB, Application Auto Scaling, DAX, KMS (JSON 1.0/1.1), AWS
 * Backup (REST-JSON), STS and EC2 (Query/XML). Real SDK clients and the AWS CLI work against it unchanged when
 * pointed at {@code endpoint()} with any static credentials and any region; the region of each call is taken from
 * the SigV4 credential scope, and signatures are not checked.
 *
 * <p>Conventions a test can rely on:
 * <ul>
 *   <li>an access key id starting with {@code EXPIRED} gets the protocol's expired-token error, one starting with
 *       {@code INVALID} an unrecognised-client error;</li>
 *   <li>a region outside {@code enabledRegions} answers as an opted-out region does (STS answers everywhere);</li>
 *   <li>list operations answer AWS's own page sizes unless the client asks for another; tests of paging loops
 *       set small pages (see {@link io.tablewarden.simulator.SimulatorOptions#pageSize()});</li>
 *   <li>injected latency delays the answer without holding a server thread, so the simulator never limits the
 *       calls in flight below the client's concurrency;</li>
 *   <li>random faults are a pure function of seed, operation, request and attempt number, so a seeded run repeats
 *       exactly and SDK retries eventually succeed;</li>
 *   <li>request counters are keyed by IAM action name, e.g. {@code dynamodb:DescribeTable}.</li>
 * </ul>
 *
 * <p>{@code tablewarden simulate} serves a fixture from the command line, e.g. for
 * {@code aws --endpoint-url http://127.0.0.1:PORT dynamodb list-tables}.
 *
 * <p>The package depends on the JDK and Jackson only (an architecture test keeps it so), so it can be lifted out
 * and run without the rest of the application.
 */
package io.tablewarden.simulator;
