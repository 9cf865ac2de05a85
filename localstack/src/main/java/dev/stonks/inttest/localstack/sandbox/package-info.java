/**
 * The local sandbox directory contract, shared by the provisioner (which writes it) and the seeder, tester and
 * profiler (which read it).
 *
 * <pre>
 * &lt;sandbox root&gt;/                        $INTTEST_SANDBOX_ROOT, default &lt;inttest home&gt;/.sandboxes
 *   &lt;namespace&gt;/                         mode 0700, one per run
 *     sandbox.json                        the pipeline's marker of ownership and the record of every process
 *     credentials.properties              mode 0600: the passwords and keys (never in events)
 *     .lock                               serialises provisioning, teardown and the reaper across processes
 *     postgres/ redis/ s3/                the infrastructure components' working directories and logs
 *     services/&lt;name&gt;/ services/&lt;name&gt;.log  the services under test
 * </pre>
 *
 * A directory without a valid {@code sandbox.json} ({@code created_by = inttest}) is not the pipeline's: nothing
 * here deletes it. Readers start with {@link dev.stonks.inttest.localstack.sandbox.LocalSandbox#open}.
 */
package dev.stonks.inttest.localstack.sandbox;
