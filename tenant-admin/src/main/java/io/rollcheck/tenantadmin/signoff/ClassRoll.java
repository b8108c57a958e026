package io.rollcheck.tenantadmin.signoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One class in one campaign as its sign-off sheet (登记表) shows it: every student in 学号 order with
 * his result and e-signature, the class's error reports (信息错误反馈统计) and the 汇总人's sign-off.
 */
@Serdeable
public record ClassRoll(String university, long campaignId, String campaignName, int version, long classId,
                        String className, @Nullable Long collegeId, @Nullable String collegeName, List<Row> rows,
                        List<ErrorRow> errors, @Nullable SignOff signOff, @Nullable Instant deadline, boolean levelEnabled) {

    /** A student line. {@code result}: SIGNED, REPORTED, CHECKING or NOT_STARTED. */
    @Serdeable
    public record Row(int no, long studentId, String studentNo, String name, String result, int openReports,
                      @Nullable Instant signedAt, @Nullable String receiptCode) {
    }

    /** A live error report of the class; phone masked. */
    @Serdeable
    public record ErrorRow(long reportId, String studentNo, String name, @Nullable String field, @Nullable String shown,
                           @Nullable String correct, String status, @Nullable String phone) {
    }

    /** A level's sign-off. */
    @Serdeable
    public record SignOff(String level, String username, Instant signedAt, String receiptCode, int exceptions, boolean late,
                          String contentSha256) {
    }

    public long signed() {
        return rows.stream().filter(r -> "SIGNED".equals(r.result())).count();
    }
}
