package io.rollcheck.tenantadmin.roster;

import java.io.Closeable;
import java.util.List;
import java.util.function.Consumer;

/** A roster file opened for streaming: its header row, then its data rows one by one. */
public interface RosterTable extends Closeable {

    /** A data row: its number as a spreadsheet user counts (header = 1), its cells as text. */
    record Row(int number, List<String> cells, List<Integer> formulaColumns) {
    }

    List<String> headers();

    /** Calls {@code sink} for each data row, in order; blank rows are skipped. */
    void rows(Consumer<Row> sink);

    String type();

    /**
     * Throws {@link RosterFiles.NotUtf8} if the table was read as UTF-8 on trust and the file is not
     * valid UTF-8 after all (the reader then opens it again, detecting). Nothing for other tables.
     */
    default void confirmEncoding() {
    }
}
