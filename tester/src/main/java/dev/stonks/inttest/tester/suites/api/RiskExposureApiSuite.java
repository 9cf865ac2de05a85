package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.Position;
import dev.stonks.inttest.stonks.dataset.RiskApproval;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** risk reads: exposure per company and approvals by status. */
public class RiskExposureApiSuite extends StonksSuite {

    @Test
    void exposureOfACompanyIsItsPositionAtTheLastClose() {
        Position msft = DATA.position("MSFT");

        JsonNode body = risk().request("GET", "/api/risk/exposure").query("company_id", Ids.company("MSFT")).send()
                .json(200);

        List<JsonNode> companies = array(body, "companies");
        assertThat(texts(companies, "ticker")).containsExactly("MSFT");
        JsonNode exposure = companies.get(0);
        double close = DATA.lastClose("MSFT");
        assertThat(integer(exposure, "quantity")).isEqualTo(msft.quantity());
        assertThat(number(exposure, "last_close")).isCloseTo(close, within(1e-6));
        assertThat(number(exposure, "notional")).isCloseTo(msft.quantity() * close, within(0.01));
        assertThat(number(exposure, "concentration")).as("notional over the portfolio's total value")
                .isCloseTo(msft.quantity() * close / number(body, "total_value"), within(1e-4));
    }

    @Test
    void pendingApprovalsAreTheSeededOnesNewestFirst() {
        List<JsonNode> pending = elements(risk().request("GET", "/api/risk/approvals").query("status", "pending")
                .send().json(200));

        List<String> expected = DATA.riskApprovals().stream().filter(a -> a.status().equals("pending"))
                .sorted(Comparator.comparing(RiskApproval::requestedAt).reversed()
                        .thenComparing(RiskApproval::id, Ids.POSTGRES_ORDER))
                .map(a -> a.id().toString()).toList();
        assertThat(expected).as("the dataset has pending approvals").isNotEmpty();
        assertThat(texts(pending, "id")).containsExactlyElementsOf(expected);
        assertThat(texts(pending, "status")).containsOnly("pending");
    }

    @Test
    void exposureOfAnUnknownCompanyIsA404AndABadApprovalStatusA400() {
        UUID unknown = Ids.company("NOPE");

        Problems.assertProblem(risk().request("GET", "/api/risk/exposure").query("company_id", unknown).send(), 404,
                unknown.toString());
        Problems.assertProblem(risk().request("GET", "/api/risk/approvals").query("status", "open").send(), 400,
                "status");
    }
}
