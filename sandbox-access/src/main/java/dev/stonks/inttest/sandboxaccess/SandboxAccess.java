package dev.stonks.inttest.sandboxaccess;

/** How a stage reaches a sandbox's database and object store, credentials included (read inside the sandbox). */
public record SandboxAccess(String jdbcUrl, String user, String password, String s3Endpoint, String s3AccessKey,
        String s3SecretKey) {

    @Override
    public String toString() {
        return "SandboxAccess[" + jdbcUrl + ", " + s3Endpoint + "]";
    }
}
