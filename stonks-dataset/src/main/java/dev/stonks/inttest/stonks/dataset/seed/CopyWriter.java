package dev.stonks.inttest.stonks.dataset.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), encoded straight
 * into a byte buffer that is handed to the server every 64 KiB, so generating rows and loading them overlap and no
 * table is ever held in memory as text. Not thread-safe.
 */
final class CopyWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    static final int FLUSH_AT = 1 << 16;

    /** Where full buffers go. */
    interface Sink {
        void write(byte[] bytes, int length) throws IOException;
    }

    private final Sink sink;
    private byte[] buf = new byte[FLUSH_AT + 4096];
    private int pos;
    private boolean rowStarted;
    private long rows;

    CopyWriter(Sink sink) {
        this.sink = sink;
    }

    static CopyWriter to(OutputStream out) {
        return new CopyWriter((bytes, length) -> out.write(bytes, 0, length));
    }

    long rows() {
        return rows;
    }

    CopyWriter nul() {
        separator();
        put((byte) '\\');
        put((byte) 'N');
        return this;
    }

    CopyWriter uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        separator();
        ensure(36);
        hex(value.getMostSignificantBits() >>> 32, 8);
        buf[pos++] = '-';
        hex(value.getMostSignificantBits() >>> 16, 4);
        buf[pos++] = '-';
        hex(value.getMostSignificantBits(), 4);
        buf[pos++] = '-';
        hex(value.getLeastSignificantBits() >>> 48, 4);
        buf[pos++] = '-';
        hex(value.getLeastSignificantBits(), 12);
        return this;
    }

    CopyWriter text(String value) {
        if (value == null) {
            return nul();
        }
        separator();
        ensure(value.length() * 2);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= 0x80) {
                escaped(value.substring(i).getBytes(StandardCharsets.UTF_8));
                return this;
            }
            escapedByte(ch);
        }
        return this;
    }

    CopyWriter integer(long value) {
        separator();
        ensure(20);
        digits(value);
        return this;
    }

    CopyWriter bool(boolean value) {
        separator();
        put((byte) (value ? 't' : 'f'));
        return this;
    }

    /** A decimal rounded half-up (away from zero) to {@code scale} places (0..6). */
    CopyWriter decimal(double value, int scale) {
        separator();
        ensure(32);
        long unscaled = Math.round(Math.abs(value) * POWERS[scale]);
        if (value < 0 && unscaled != 0) {
            buf[pos++] = '-';
        }
        digits(unscaled / POWERS[scale]);
        if (scale > 0) {
            buf[pos++] = '.';
            long fraction = unscaled % POWERS[scale];
            for (int i = scale - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            pos += scale;
        }
        return this;
    }

    CopyWriter decimal(Double value, int scale) {
        return value == null ? nul() : decimal(value.doubleValue(), scale);
    }

    CopyWriter date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        separator();
        ensure(12);
        date(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        return this;
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.ffffff]+00}. */
    CopyWriter timestamp(Instant value) {
        if (value == null) {
            return nul();
        }
        separator();
        ensure(40);
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        date(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        buf[pos++] = ' ';
        two(secondOfDay / 3600);
        buf[pos++] = ':';
        two(secondOfDay / 60 % 60);
        buf[pos++] = ':';
        two(secondOfDay % 60);
        int micros = value.getNano() / 1000;
        if (micros != 0) {
            buf[pos++] = '.';
            for (int i = 5; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + micros % 10);
                micros /= 10;
            }
            pos += 6;
        }
        buf[pos++] = '+';
        buf[pos++] = '0';
        buf[pos++] = '0';
        return this;
    }

    /** A {@code text[]} of plain words (letters, digits, underscores). */
    CopyWriter textArray(List<String> values) {
        separator();
        put((byte) '{');
        for (int i = 0; i < values.size(); i++) {
            String word = values.get(i);
            if (!word.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("array element must be a plain word: " + word);
            }
            if (i > 0) {
                put((byte) ',');
            }
            ensure(word.length());
            for (int j = 0; j < word.length(); j++) {
                buf[pos++] = (byte) word.charAt(j);
            }
        }
        put((byte) '}');
        return this;
    }

    void endRow() throws IOException {
        put((byte) '\n');
        rowStarted = false;
        rows++;
        if (pos >= FLUSH_AT) {
            flush();
        }
    }

    void flush() throws IOException {
        if (pos > 0) {
            sink.write(buf, pos);
            pos = 0;
        }
    }

    private void separator() {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + more)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private void escaped(byte[] utf8) {
        ensure(utf8.length * 2);
        for (byte b : utf8) {
            escapedByte(b);
        }
    }

    /** One byte of COPY text format: backslash, tab, newline and carriage return escaped. */
    private void escapedByte(int b) {
        switch (b) {
            case '\\' -> escape('\\');
            case '\t' -> escape('t');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            default -> buf[pos++] = (byte) b;
        }
    }

    private void escape(char code) {
        buf[pos++] = '\\';
        buf[pos++] = (byte) code;
    }

    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        pos += digits;
    }

    private void digits(long value) {
        if (value < 0) {
            buf[pos++] = '-';
            if (value == Long.MIN_VALUE) {
                byte[] text = Long.toString(value).substring(1).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(text, 0, buf, pos, text.length);
                pos += text.length;
                return;
            }
            value = -value;
        }
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void date(int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        digits(year);
        buf[pos++] = '-';
        two(month);
        buf[pos++] = '-';
        two(day);
    }

    private void two(int value) {
        buf[pos++] = (byte) ('0' + value / 10);
        buf[pos++] = (byte) ('0' + value % 10);
    }
}
