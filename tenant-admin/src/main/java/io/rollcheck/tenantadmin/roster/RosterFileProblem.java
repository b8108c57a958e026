package io.rollcheck.tenantadmin.roster;

/** The file as a whole cannot be imported (type, size, encoding, structure). Nothing was written. */
public class RosterFileProblem extends RuntimeException {

    private final String code;

    public RosterFileProblem(String code) {
        super(code);
        this.code = code;
    }

    public RosterFileProblem(String code, Throwable cause) {
        super(code, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
