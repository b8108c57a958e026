package io.rollcheck.tenantadmin.roster;

import io.micronaut.serde.annotation.Serdeable;

/** One problem in one cell: row as the spreadsheet numbers it, column as the file names it. */
@Serdeable
public record RowError(int row, String column, String code, String message) {
}
