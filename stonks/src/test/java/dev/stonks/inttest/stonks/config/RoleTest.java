package dev.stonks.inttest.stonks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {

    @ParameterizedTest
    @CsvSource({
        "/api/companies, query-api",
        "/api/companies/7c141f36-2368-5315-b199-286c89bd7312/trends, query-api",
        "/api/ops/pipeline/health, query-api",
        "/api/registry, registry",
        "/api/registry/companies, registry",
        "/api/risk/limits, risk",
        "/api/trading/status, trading",
        // a prefix is not a segment
        "/api/registryx, query-api",
        "/api/riskier/things, query-api",
        "/api, query-api"})
    void eachApiPathHasOneOwner(String path, String owner) {
        assertEquals(Optional.of(Role.fromValue(owner)), Role.owning(path));
    }

    @Test
    void pathsOutsideTheApiBelongToEveryRole() {
        for (Role role : Role.values()) {
            assertTrue(role.serves("/q/health/ready"));
            assertTrue(role.serves("/"));
            assertTrue(role.serves("/apiary"));
        }
    }

    @Test
    void aRoleServesOnlyItsOwnApi() {
        assertTrue(Role.TRADING.serves("/api/trading/status"));
        assertFalse(Role.TRADING.serves("/api/risk/limits"));
        assertFalse(Role.QUERY_API.serves("/api/registry/companies"));
        assertFalse(Role.REGISTRY.serves("/api/companies"));
    }

    @Test
    void parsesConfigurationValues() {
        assertEquals(Role.QUERY_API, Role.fromValue("query-api"));
        assertEquals(Role.QUERY_API, Role.fromValue("QUERY_API"));
        assertEquals(Role.RISK, Role.fromValue(" Risk "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Role.fromValue("gateway"));
        assertTrue(error.getMessage().contains("query-api, registry, risk or trading"));
    }

    @Test
    void dependenciesPerRole() {
        assertTrue(Role.QUERY_API.usesObjectStore());
        assertFalse(Role.QUERY_API.usesRedis());
        assertTrue(Role.TRADING.usesRedis());
        assertFalse(Role.REGISTRY.usesRedis() || Role.REGISTRY.usesObjectStore());
    }
}
