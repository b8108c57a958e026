package io.rollcheck.platform.db;

import java.sql.SQLException;

/** A database failure; the SQL text stays in the cause (logs), never in what users see. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super("database access failed (SQLState " + cause.getSQLState() + ")", cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
