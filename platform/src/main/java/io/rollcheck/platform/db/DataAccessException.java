package io.rollcheck.platform.db;

import java.sql.SQLException;

/** A database failure; the SQL text stays in the cause (logs), never in what users see. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super("database access failed (SQLState " + cause.getSQLState() + ")", cause);
    }

    protected DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The SQLSTATE of the driver's error, or null when no statement failed. */
    public String sqlState() {
        return getCause() instanceof SQLException s ? s.getSQLState() : null;
    }

    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
