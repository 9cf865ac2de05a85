package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.tester.suites.StonksServices;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every stonks service of the sandbox answers its readiness probe (one test per service). */
public class ServicesApiSuite extends StonksSuite {
    static final List<String> SERVICES = List.of(StonksServices.QUERY_API, StonksServices.REGISTRY,
            StonksServices.RISK, StonksServices.TRADING);

    @TestFactory
    Stream<DynamicTest> everyServiceIsReady() {
        return SERVICES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            var body = sandbox.service(name).get("/q/health/ready").json(200);
            assertThat(text(body, "status")).as("%s readiness", name).isEqualTo("UP");
        }));
    }
}
