package dev.stonks.inttest.localstack.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@code credentials.properties} (mode 0600) holds: the names, passwords and keys of a sandbox. Nothing of this
 * ever goes into an event; {@link #toString()} shows no secret.
 *
 * @param postgresUser     PostgreSQL user (superuser of the sandbox's own server)
 * @param postgresPassword its password
 * @param postgresDatabase the database created for the system under test
 * @param redisPassword    Redis {@code requirepass}
 * @param s3AccessKey      object store access key
 * @param s3SecretKey      object store secret key
 * @param s3Bucket         the bucket created for the system under test
 */
public record SandboxSecrets(String postgresUser, String postgresPassword, String postgresDatabase,
        String redisPassword, String s3AccessKey, String s3SecretKey, String s3Bucket) {

    static final String POSTGRES_USER = "postgres.username";
    static final String POSTGRES_PASSWORD = "postgres.password";
    static final String POSTGRES_DATABASE = "postgres.database";
    static final String REDIS_PASSWORD = "redis.password";
    static final String S3_ACCESS_KEY = "s3.access-key";
    static final String S3_SECRET_KEY = "s3.secret-key";
    static final String S3_BUCKET = "s3.bucket";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALPHANUMERIC = UPPER_DIGITS + "abcdefghijklmnopqrstuvwxyz";

    public SandboxSecrets {
        Objects.requireNonNull(postgresUser, POSTGRES_USER);
        Objects.requireNonNull(postgresPassword, POSTGRES_PASSWORD);
        Objects.requireNonNull(postgresDatabase, POSTGRES_DATABASE);
        Objects.requireNonNull(redisPassword, REDIS_PASSWORD);
        Objects.requireNonNull(s3AccessKey, S3_ACCESS_KEY);
        Objects.requireNonNull(s3SecretKey, S3_SECRET_KEY);
        Objects.requireNonNull(s3Bucket, S3_BUCKET);
    }

    /**
     * Fresh random passwords and keys (SecureRandom, letters and digits only, so they need no escaping in a URL, a
     * properties file or a config file) for the given user, database and bucket names.
     */
    public static SandboxSecrets generate(String postgresUser, String postgresDatabase, String s3Bucket) {
        return new SandboxSecrets(postgresUser, random(ALPHANUMERIC, 32), postgresDatabase, random(ALPHANUMERIC, 32),
                random(UPPER_DIGITS, 20), random(ALPHANUMERIC, 40), s3Bucket);
    }

    static SandboxSecrets read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return new SandboxSecrets(p.getProperty(POSTGRES_USER), p.getProperty(POSTGRES_PASSWORD),
                    p.getProperty(POSTGRES_DATABASE), p.getProperty(REDIS_PASSWORD), p.getProperty(S3_ACCESS_KEY),
                    p.getProperty(S3_SECRET_KEY), p.getProperty(S3_BUCKET));
        } catch (NullPointerException e) {
            throw new IllegalStateException(file + " lacks " + e.getMessage(), e);
        }
    }

    void write(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty(POSTGRES_USER, postgresUser);
        p.setProperty(POSTGRES_PASSWORD, postgresPassword);
        p.setProperty(POSTGRES_DATABASE, postgresDatabase);
        p.setProperty(REDIS_PASSWORD, redisPassword);
        p.setProperty(S3_ACCESS_KEY, s3AccessKey);
        p.setProperty(S3_SECRET_KEY, s3SecretKey);
        p.setProperty(S3_BUCKET, s3Bucket);
        p.store(out, "inttest sandbox credentials: keep this file private (mode 0600)");
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "SandboxSecrets[postgresUser=" + postgresUser + ", postgresDatabase=" + postgresDatabase
                + ", s3Bucket=" + s3Bucket + ", passwords and keys redacted]";
    }
}
