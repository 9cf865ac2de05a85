package dev.stonks.inttest.cli;

/** Reading option values for every command; a bad value is a {@link UsageException} with a one-line reason. */
final class OptionValues {
    private OptionValues() {
    }

    /** The value after the option at {@code i}; an option needs one, and another option is not one. */
    static String value(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException("option " + args[i] + " needs a value");
        }
        return args[i + 1];
    }

    static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(option + " must be in " + min + ".." + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }
}
