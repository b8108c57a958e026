package io.rollcheck.tenantadmin.testing;

import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.platform.validation.IdNumbers;
import io.rollcheck.tenantadmin.record.NewStudent;

import java.util.ArrayList;
import java.util.List;

/** Students made of the fixture personal data ({@link Fixtures}), which the log scan looks for. */
public final class Rosters {

    private Rosters() {
    }

    /** {@code n} students with fixture personal data; 学号 {@code prefix + 0001…}. */
    public static List<NewStudent> aRoster(String prefix, int n, Long classId, Long collegeId) {
        List<NewStudent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Fixtures.ID_NUMBERS.get(i % Fixtures.ID_NUMBERS.size());
            out.add(new NewStudent(prefix + String.format("%04d", i + 1), "学生" + (i + 1), IdNumbers.sex(id), classId,
                    collegeId, "RESIDENT_ID", id, IdNumbers.birthDate(id).toString(),
                    Fixtures.PHONES.get(i % Fixtures.PHONES.size())));
        }
        return out;
    }
}
